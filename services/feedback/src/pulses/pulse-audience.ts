import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Person, PulseAudience, pulseInvitation } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';
import type { z } from 'zod';

type Invitation = z.infer<typeof pulseInvitation>;
type Invited = Omit<Invitation, 'invitationId'>;

/** Addresses that can never receive mail (RFC 2606), such as monitoring's. */
const UNMAILABLE = /\.invalid$/i;

/**
 * Whom a round of a pulse asks, as the period stands when it opens: the roster's people in
 * the roles, the listed addresses (named as the roster or a report named them), or everyone
 * who has reported so far. Each address once, with an invitation of its own.
 */
@Injectable()
export class PulseAudiences {
  constructor(private readonly runtime: ServiceRuntime) {}

  async invitationsFor(periodId: string, audience: PulseAudience): Promise<Invitation[]> {
    const invited = await this.invited(periodId, audience);
    const once = new Map<string, Invited>();
    for (const entry of invited) {
      const key = entry.recipient.email.toLowerCase();
      if (!once.has(key) && !UNMAILABLE.test(key)) once.set(key, entry);
    }
    return [...once.values()].map((entry) => ({ invitationId: randomUUID(), ...entry }));
  }

  private async invited(periodId: string, audience: PulseAudience): Promise<Invited[]> {
    switch (audience.kind) {
      case 'roles': {
        const roster = await this.roster(periodId);
        return roster
          .filter(({ role }) => audience.roles.includes(role))
          .map(({ role, ...recipient }) => ({ recipient, group: role }));
      }
      case 'emails': {
        const known = new Map(
          [...(await this.reporters(periodId)), ...(await this.roster(periodId))].map((person) => [
            person.email.toLowerCase(),
            person.name,
          ]),
        );
        return audience.emails.map((email) => ({
          recipient: { name: known.get(email.toLowerCase()) ?? email, email },
        }));
      }
      case 'reporters':
        return (await this.reporters(periodId)).map((recipient) => ({ recipient }));
    }
  }

  private async roster(periodId: string) {
    const [row] = await this.runtime.sql.query<{
      roster: Array<Person & { role: Invitation['group'] & string }>;
    }>('select roster from feedback.periods where period_id = $1', [periodId]);
    return row?.roster ?? [];
  }

  private async reporters(periodId: string): Promise<Person[]> {
    const rows = await this.runtime.sql.query<{ reporter: Person }>(
      `select distinct on (lower(reporter->>'email')) reporter from feedback.ticket_reporters
        where period_id = $1 order by lower(reporter->>'email'), ticket_id`,
      [periodId],
    );
    return rows.map(({ reporter }) => ({ name: reporter.name, email: reporter.email }));
  }
}
