import { v5 as uuidV5 } from 'uuid';
import { z } from 'zod';
import type { Upcaster } from '../contract-registry';
import { defineEvent } from '../event-contract';
import { periodConfiguration, PERIODS_TOPIC } from './period-events';
import { id } from './vocabulary';

/** The namespace of the programme ids made from free-text programme names (UUID v5). */
const LEGACY_PROGRAMME_NAMESPACE = '0f5c6f0e-3b1a-4a57-9a53-6f6d1b0c2e71';

/**
 * The programme a period planned before programmes were first-class belongs to: one per
 * distinct name, its id derived from the name, so every reader upcasting the same history
 * (and the migration that creates those programmes) arrives at the same one.
 */
export const legacyProgrammeId = (name: string): string => uuidV5(name, LEGACY_PROGRAMME_NAMESPACE);

const configurationV1 = periodConfiguration.extend({ programme: z.string().min(1).max(200) });

export const periodPlannedV1 = defineEvent({
  type: 'hypercare.period.planned.v1',
  topic: PERIODS_TOPIC,
  summary: 'Superseded by v2: a period whose programme was free text (`programme`). Read as v2.',
  schema: configurationV1.extend({ periodId: id }),
});

export const periodReconfiguredV1 = defineEvent({
  type: 'hypercare.period.reconfigured.v1',
  topic: PERIODS_TOPIC,
  summary:
    "Superseded by v2: a reconfiguration carrying the programme's name, which v2 leaves with the plan. Read as v2.",
  schema: configurationV1.extend({ periodId: id }),
});

export const legacyPeriodContracts = [periodPlannedV1, periodReconfiguredV1] as const;

type PlannedV1 = z.infer<typeof periodPlannedV1.schema>;

/** v1 -> v2: the free-text programme becomes the id of the programme made from its name. */
export const periodUpcasters: Upcaster[] = [
  {
    from: periodPlannedV1.type,
    to: 'hypercare.period.planned.v2',
    upcast: (data) => {
      const { programme, ...rest } = data as PlannedV1;
      return { ...rest, programmeId: legacyProgrammeId(programme) };
    },
  },
  {
    from: periodReconfiguredV1.type,
    to: 'hypercare.period.reconfigured.v2',
    upcast: (data) => {
      const { programme: _, ...rest } = data as PlannedV1;
      return rest;
    },
  },
];
