import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_SURVEY_VALID_DAYS,
  type EventData,
  type PeriodStatus,
  type pulseScheduled,
} from '@hypercare/contracts';
import { type Clock, Conflict, NotFound } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ReadModel, ServiceRuntime } from '@hypercare/runtime';
import { PulseAudiences } from './pulse-audience';
import { type PulseCommand, pulseDecider, pulseStream } from './pulse.decider';
import type { PulseRow } from './pulses.projection';

export type PulseDefinition = Omit<EventData<typeof pulseScheduled>, 'pulseId' | 'periodId' | 'by' | 'at'>;

/** Pulse surveys of a period: scheduled, their due rounds opened, stopped, listed. */
@Injectable()
export class Pulses {
  private readonly logger = new Logger(Pulses.name);
  private readonly handle;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly audiences: PulseAudiences,
    private readonly readModel: ReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, pulseDecider);
  }

  /** Schedules a pulse for a period that has not closed; its rounds open when due. */
  async schedule(periodId: string, pulse: PulseDefinition, by: string, metadata: EventMetadata) {
    const period = await this.periodOf(periodId);
    if (period.status === 'closed')
      throw new Conflict(`period ${periodId} is closed: it takes no more pulses`);
    const pulseId = randomUUID();
    await this.command({ kind: 'schedule', pulseId, periodId, ...pulse, by, at: this.now() }, metadata);
    return { pulseId, periodId, ...pulse };
  }

  /** Stops a pulse; answers when. */
  async stop(periodId: string, pulseId: string, metadata: EventMetadata): Promise<string> {
    const at = this.now();
    await this.command({ kind: 'stop', pulseId, periodId, at }, metadata);
    return at;
  }

  /**
   * Opens the rounds due by now, `limit` pulses at most (a pulse whose period closed ends
   * instead). A round opened twice, by two instances or after a restart, opens once.
   */
  async openDue(limit: number): Promise<void> {
    const due = await this.runtime.sql.query<{
      pulse_id: string;
      period_id: string;
      audience: PulseRow['audience'];
    }>(
      `select p.pulse_id, p.period_id, p.audience from feedback.pulses p
        where p.next_round_at <= $1 order by p.next_round_at, p.pulse_id limit $2`,
      [this.clock.now(), limit],
    );
    for (const pulse of due) {
      const ref = { pulseId: pulse.pulse_id, periodId: pulse.period_id, at: this.now() };
      const metadata = { causationId: `pulse-schedule:${pulse.pulse_id}` };
      const period = await this.periodOf(pulse.period_id);
      if (period.status === 'closed') {
        await this.command({ kind: 'end-with-period', ...ref }, metadata);
        continue;
      }
      const invitations = await this.audiences.invitationsFor(pulse.period_id, pulse.audience);
      const validDays = period.validDays ?? DEFAULT_SURVEY_VALID_DAYS;
      await this.command({ kind: 'open-round', ...ref, invitations, validDays }, metadata);
      this.logger.log(`pulse ${pulse.pulse_id}: round due, ${invitations.length} invited`);
    }
    // The next look must see these rounds opened, or it would ask for them again.
    if (due.length) await this.readModel.caughtUp();
  }

  async list(periodId: string): Promise<PulseRow[]> {
    return this.runtime.sql.query<PulseRow>(
      `select pulse_id as "pulseId", period_id as "periodId", title, questions, audience, schedule, anonymous,
              status, rounds, next_round_at as "nextRoundAt", scheduled_at as "scheduledAt", ended
         from feedback.pulses where period_id = $1 order by scheduled_at, pulse_id`,
      [periodId],
    );
  }

  /** The pulse of a period (404 otherwise). */
  async get(periodId: string, pulseId: string): Promise<PulseRow> {
    const pulse = (await this.list(periodId)).find((row) => row.pulseId === pulseId);
    if (!pulse) throw new NotFound('pulse', pulseId);
    return pulse;
  }

  private async command(command: PulseCommand, metadata: EventMetadata): Promise<void> {
    await this.handle(pulseStream(command.pulseId), command, {
      metadata: { ...metadata, periodId: command.periodId },
    });
  }

  private async periodOf(periodId: string) {
    const [row] = await this.runtime.sql.query<{ status: PeriodStatus; valid_days: number | null }>(
      'select status, survey_valid_days as valid_days from feedback.periods where period_id = $1',
      [periodId],
    );
    if (!row) throw new NotFound('period', periodId);
    return { status: row.status, validDays: row.valid_days };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
