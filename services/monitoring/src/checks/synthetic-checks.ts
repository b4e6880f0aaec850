import { Injectable } from '@nestjs/common';
import type { SyntheticCheckDefinition } from '@hypercare/contracts';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import { checkDecider, checkIdOf, checkStream } from './synthetic-check.decider';

/** A check as the list shows it: its definition (header values hidden) and how its runs stand. */
export interface CheckView {
  checkId: string;
  name: string;
  definition: SyntheticCheckDefinition;
  failuresInARow: number;
  alerting: boolean;
  nextRunAt: string | null;
  lastRun: {
    at: string;
    ok: boolean;
    status: number | null;
    latencyMs: number | null;
    problem: string | null;
  } | null;
}

/** Defines, removes and lists a period's synthetic checks; runs are the runner's. */
@Injectable()
export class SyntheticChecks {
  private readonly handle;

  constructor(private readonly runtime: ServiceRuntime) {
    this.handle = commandHandler(runtime.store, checkDecider);
  }

  async define(
    periodId: string,
    name: string,
    definition: SyntheticCheckDefinition,
    metadata: EventMetadata,
  ) {
    const checkId = checkIdOf(periodId, name);
    const result = await this.handle(
      checkStream(checkId),
      { kind: 'define', periodId, name, definition },
      {
        metadata: { ...metadata, periodId },
      },
    );
    return { checkId, name, version: result.nextExpectedVersion };
  }

  async remove(periodId: string, name: string, metadata: EventMetadata) {
    const checkId = checkIdOf(periodId, name);
    const result = await this.handle(
      checkStream(checkId),
      { kind: 'remove', periodId, name },
      {
        metadata: { ...metadata, periodId },
      },
    );
    return { checkId, name, version: result.nextExpectedVersion };
  }

  async list(periodId: string): Promise<CheckView[]> {
    const rows = await this.runtime.sql.query<CheckView & { definition: SyntheticCheckDefinition }>(
      `select c.check_id as "checkId", c.name, c.definition, coalesce(s.failures, 0) as "failuresInARow",
              coalesce(s.alerting, false) as alerting, s.next_run_at as "nextRunAt",
              (select json_build_object('at', r.at, 'ok', r.ok, 'status', r.status, 'latencyMs', r.latency_ms, 'problem', r.problem)
                 from monitoring.check_runs r where r.check_id = c.check_id order by r.at desc limit 1) as "lastRun"
         from monitoring.synthetic_checks c left join monitoring.check_state s on s.check_id = c.check_id
        where c.period_id = $1 and not c.removed order by c.name`,
      [periodId],
    );
    return rows.map((row) => ({
      ...row,
      definition: {
        ...row.definition,
        headers: Object.fromEntries(
          Object.keys(row.definition.headers).map((header) => [header, '(hidden)']),
        ),
      },
    }));
  }

  /** The check's latest runs, newest first. */
  runs(periodId: string, name: string, limit: number) {
    return this.runtime.sql.query<{
      at: Date;
      ok: boolean;
      status: number | null;
      latencyMs: number | null;
      problem: string | null;
    }>(
      `select at, ok, status, latency_ms as "latencyMs", problem from monitoring.check_runs
        where check_id = $1 order by at desc limit $2`,
      [checkIdOf(periodId, name), limit],
    );
  }
}
