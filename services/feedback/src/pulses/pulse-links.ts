import { LinkTokens } from '@hypercare/auth';
import { Inject, Injectable } from '@nestjs/common';
import type { PulseQuestion, pulseInvitation } from '@hypercare/contracts';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import type { z } from 'zod';
import { questionIdOf } from './pulse-answers';
import { pulseDecider, pulseStream } from './pulse.decider';
import { roundKeyOf } from './pulse-rounds.projection';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A pulse link's id: the pulse, the round, the invitation. */
const PULSE_LINKS = { name: 'pulse', ids: new RegExp(`^${UUID}:\\d{1,6}:${UUID}$`) };

interface Opened {
  pulseId: string;
  periodId: string;
  round: number;
  invitationId: string;
  title: string;
  questions: PulseQuestion[];
  anonymous: boolean;
  closesAt: Date;
}

type Invitation = z.infer<typeof pulseInvitation>;

/** Pulse invitations as links: listed with their tokens for delivery, opened and answered without an account. */
@Injectable()
export class PulseLinks {
  private readonly handle;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly tokens: LinkTokens,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, pulseDecider);
  }

  /** The invitations of a pulse's rounds still open, each with the token its link carries. */
  async invitations(pulseId: string) {
    const rows = await this.runtime.sql.query<{
      round: number;
      closes_at: Date;
      invitations: Invitation[];
    }>(
      `select round, closes_at, invitations from feedback.pulse_rounds
        where pulse_id = $1 and closes_at > $2 order by round`,
      [pulseId, this.clock.now()],
    );
    return rows.flatMap(({ round, closes_at, invitations }) =>
      invitations.map(({ invitationId, recipient }) => ({
        round,
        recipient,
        closesAt: closes_at.toISOString(),
        token: this.tokens.tokenOf(`${pulseId}:${round}:${invitationId}`),
      })),
    );
  }

  /** What a link opens: the pulse's questions, and whether this invitation can still answer. */
  async page(token: string) {
    const opened = await this.open(token);
    const [answered] = await this.runtime.sql.query(
      'select 1 from feedback.pulse_answers where ballot = $1',
      [this.ballotOf(opened)],
    );
    const closed = opened.closesAt.getTime() <= this.clock.now().getTime();
    return {
      pulseId: opened.pulseId,
      title: opened.title,
      round: opened.round,
      anonymous: opened.anonymous,
      questions: opened.questions.map((question, index) => ({ id: questionIdOf(index), ...question })),
      status: answered ? ('answered' as const) : closed ? ('closed' as const) : ('open' as const),
      closesAt: opened.closesAt.toISOString(),
    };
  }

  /** Records the answers a link gives: once (409 after), while its round is open (410 after). */
  async answer(token: string, answers: Record<string, number | string>, metadata: EventMetadata) {
    const opened = await this.open(token);
    const at = this.clock.now().toISOString();
    const { pulseId, periodId, round, invitationId } = opened;
    const result = await this.handle(
      pulseStream(pulseId),
      { kind: 'answer', pulseId, periodId, round, invitationId, ballot: this.ballotOf(opened), answers, at },
      { metadata: { ...metadata, periodId } },
    );
    const kept = result.newEvents.flatMap((event) =>
      event.type === 'hypercare.pulse.answered.v1' ? [event.data.answers] : [],
    );
    return { pulseId, round, answeredAt: at, answers: kept[0] ?? {} };
  }

  /** A named answer's ballot is its invitation; an anonymous one's, a digest nobody can trace back without the link secret. */
  private ballotOf({ anonymous, invitationId }: Opened): string {
    return anonymous ? this.tokens.digest(invitationId) : invitationId;
  }

  private async open(token: string): Promise<Opened> {
    const [pulseId, round, invitationId] = this.tokens.idOf(token, PULSE_LINKS).split(':') as [
      string,
      string,
      string,
    ];
    const [row] = await this.runtime.sql.query<{
      period_id: string;
      title: string;
      questions: PulseQuestion[];
      anonymous: boolean;
      closes_at: Date;
      invitations: Invitation[];
    }>(
      `select p.period_id, p.title, p.questions, p.anonymous, r.closes_at, r.invitations
         from feedback.pulse_rounds r join feedback.pulses p on p.pulse_id = r.pulse_id where r.round_key = $1`,
      [roundKeyOf(pulseId, Number(round))],
    );
    if (!row || !row.invitations.some((invitation) => invitation.invitationId === invitationId))
      throw new NotFound('pulse invitation', invitationId);
    return {
      pulseId,
      periodId: row.period_id,
      round: Number(round),
      invitationId,
      title: row.title,
      questions: row.questions,
      anonymous: row.anonymous,
      closesAt: row.closes_at,
    };
  }
}
