import { Injectable } from '@nestjs/common';
import { LOW_SATISFACTION_AT_MOST } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';

const SCORES = [1, 2, 3, 4, 5] as const;

/** A period's satisfaction figures, counted from its surveys. */
@Injectable()
export class SurveyResults {
  constructor(private readonly runtime: ServiceRuntime) {}

  async of(periodId: string) {
    const rows = await this.runtime.sql.query<{ score: number | null; n: number }>(
      'select score, count(*)::int as n from feedback.surveys where period_id = $1 group by score',
      [periodId],
    );
    const count = (score: number | null) => rows.find((row) => row.score === score)?.n ?? 0;
    const distribution = Object.fromEntries(SCORES.map((score) => [score, count(score)])) as Record<
      (typeof SCORES)[number],
      number
    >;
    const answered = SCORES.reduce((sum, score) => sum + count(score), 0);
    const issued = answered + count(null);
    const total = SCORES.reduce((sum, score) => sum + score * count(score), 0);
    return {
      issued,
      answered,
      responseRate: issued ? answered / issued : null,
      average: answered ? Math.round((total / answered) * 100) / 100 : null,
      distribution,
      low: SCORES.filter((score) => score <= LOW_SATISFACTION_AT_MOST).reduce((sum, s) => sum + count(s), 0),
    };
  }
}
