import { Inject, Injectable } from '@nestjs/common';
import { systemActor } from '@hypercare/auth';
import type { SyntheticCheckDefinition } from '@hypercare/contracts';
import type { Clock } from '@hypercare/domain-kit';
import { CLOCK, commandMetadata, PeriodicWork, ServiceRuntime } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import { AlertIntake } from '../alerts/alert-intake';
import type { MonitoringConfig } from '../config';
import { AlertPolicies } from '../policy/alert-policies';
import { probe, type ProbeResult } from './probe';

const BATCH = 20;
const RUNNER = systemActor('monitoring.synthetic-checks');
/** How long runs are kept: a day of the rolling series. */
const KEPT_MS = 24 * 3_600_000;

interface DueCheck {
  checkId: string;
  periodId: string;
  name: string;
  definition: SyntheticCheckDefinition;
  failures: number;
  alerting: boolean;
}

/**
 * Runs the synthetic checks when they fall due by the service's clock. Each due check is
 * claimed by moving its next run in the same statement that finds it, so two instances never
 * run one check twice. A run is kept in the rolling series; the `failuresBeforeAlert`-th
 * failure in a row raises the check's alert (source `synthetic`), the first success after
 * resolves it.
 */
@Injectable()
export class CheckRunner extends PeriodicWork {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly intake: AlertIntake,
    private readonly policies: AlertPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: MonitoringConfig,
  ) {
    super(config.SYNTHETIC_CHECK_TICK_MS, 'synthetic check round failed');
  }

  protected async look(): Promise<void> {
    const now = this.clock.now();
    const due = await this.claim(now);
    await Promise.all(due.map(async (check) => this.record(check, await probe(check.definition), now)));
    if (due.length)
      await this.runtime.sql.query('delete from monitoring.check_runs where at < $1', [
        new Date(now.getTime() - KEPT_MS).toISOString(),
      ]);
  }

  private async claim(now: Date): Promise<DueCheck[]> {
    return this.runtime.sql.query<DueCheck>(
      `with due as (
         select c.check_id, c.period_id, c.name, c.definition from monitoring.synthetic_checks c
           left join monitoring.check_state s on s.check_id = c.check_id
          where not c.removed and (s.next_run_at is null or s.next_run_at <= $1)
          order by s.next_run_at nulls first limit $2
          for update of c skip locked),
       claimed as (
         insert into monitoring.check_state as s (check_id, next_run_at, failures, alerting)
         select check_id, $1::timestamptz + make_interval(secs => (definition->>'intervalSeconds')::int), 0, false
           from due
         on conflict (check_id) do update set next_run_at = excluded.next_run_at
         returning s.check_id, s.failures, s.alerting)
       select claimed.check_id as "checkId", claimed.failures, claimed.alerting,
              due.period_id as "periodId", due.name, due.definition
         from claimed join due on due.check_id = claimed.check_id`,
      [now.toISOString(), BATCH],
    );
  }

  private async record(check: DueCheck, result: ProbeResult, at: Date): Promise<void> {
    const failures = result.ok ? 0 : check.failures + 1;
    const raise = !result.ok && !check.alerting && failures >= check.definition.failuresBeforeAlert;
    const resolve = result.ok && check.alerting;
    // The alert first: a crash before the run is recorded runs the check again and sends the
    // alert again (counted as a re-send), where the other order could record the state and lose the alert.
    if (raise || resolve) {
      const { policy } = await this.policies.of(check.periodId);
      await this.intake.receive(
        [
          {
            periodId: check.periodId,
            notification: {
              source: 'synthetic',
              fingerprint: `check.${check.name}`,
              firing: raise,
              name: `synthetic ${check.name}`,
              summary: `${check.definition.method} ${check.definition.url}: ${result.problem ?? 'passing again'} (${failures} failure(s) in a row)`,
              labels: {
                alertname: check.name,
                check: check.name,
                service: check.name,
                [policy.severityLabel]: check.definition.severity,
              },
              startsAt: at.toISOString(),
              generatorUrl: check.definition.url,
            },
          },
        ],
        commandMetadata(undefined, { actor: RUNNER }),
      );
    }
    await this.runtime.sql.query(
      `with run as (
         insert into monitoring.check_runs (check_id, at, ok, status, latency_ms, problem) values ($1, $2, $3, $4, $5, $6))
       update monitoring.check_state set failures = $7, alerting = $8 where check_id = $1`,
      [
        check.checkId,
        at.toISOString(),
        result.ok,
        result.status,
        result.latencyMs,
        result.problem,
        failures,
        (check.alerting || raise) && !resolve,
      ],
    );
  }
}
