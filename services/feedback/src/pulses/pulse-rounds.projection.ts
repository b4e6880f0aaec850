import { type pulseInvitation, pulseRoundOpened } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';
import type { z } from 'zod';

interface RoundRow {
  roundKey: string;
  pulseId: string;
  round: number;
  openedAt: string;
  closesAt: string;
  invitations: Array<z.infer<typeof pulseInvitation>>;
}

export const roundKeyOf = (pulseId: string, round: number): string => `${pulseId}/${round}`;

/** Each round of a pulse with its invitations: what the invitation list and a link's page read. */
export const pulseRoundsProjection = documentProjection({
  name: 'pulse-rounds',
  contracts: [pulseRoundOpened],
  documents: {
    table: 'feedback.pulse_rounds',
    key: 'roundKey',
    columns: {
      roundKey: 'round_key',
      pulseId: 'pulse_id',
      round: 'round',
      openedAt: 'opened_at',
      closesAt: 'closes_at',
      invitations: 'invitations',
    },
  },
  keyOf: (event) => roundKeyOf(event.data.pulseId, event.data.round),
  evolve: (_row: RoundRow | undefined, event): RoundRow => {
    const { pulseId, round, openedAt, closesAt, invitations } = event.data;
    return { roundKey: roundKeyOf(pulseId, round), pulseId, round, openedAt, closesAt, invitations };
  },
});
