import { Injectable } from '@nestjs/common';
import type { Role } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';
import { type CountedAnswer, figuresOf } from './pulse-figures';
import type { PulseRow } from './pulses.projection';

type Answer = CountedAnswer & { round: number; group: Role | null };

const rateOf = (answered: number, invited: number): number | null =>
  invited ? Math.round((answered / invited) * 1000) / 1000 : null;

/** A pulse's results: response rates, and figures per round, per role asked and overall. */
@Injectable()
export class PulseResults {
  constructor(private readonly runtime: ServiceRuntime) {}

  async of(pulse: PulseRow) {
    const answers = await this.runtime.sql.query<Answer>(
      `select round, grp as "group", respondent, answers from feedback.pulse_answers
        where pulse_id = $1 order by answered_at, ballot`,
      [pulse.pulseId],
    );
    const { questions, anonymous } = pulse;
    const invited = pulse.rounds.reduce((sum, round) => sum + round.invited, 0);
    const groups = [...new Set(answers.flatMap(({ group }) => (group ? [group] : [])))].sort();
    return {
      pulseId: pulse.pulseId,
      title: pulse.title,
      anonymous,
      status: pulse.status,
      overall: {
        invited,
        responseRate: rateOf(answers.length, invited),
        ...figuresOf(questions, answers, anonymous),
      },
      rounds: pulse.rounds.map((round) => {
        const ofRound = answers.filter((answer) => answer.round === round.round);
        return {
          ...round,
          responseRate: rateOf(ofRound.length, round.invited),
          ...figuresOf(questions, ofRound, anonymous),
        };
      }),
      byGroup: groups.map((group) => ({
        group,
        ...figuresOf(
          questions,
          answers.filter((answer) => answer.group === group),
          anonymous,
        ),
      })),
    };
  }
}
