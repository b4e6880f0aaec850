import { id, isoTime, PERIOD_STATUSES } from '@hypercare/contracts';
import { z } from 'zod';

const counts = z.record(z.number().int());

export const programmeOverview = z.object({
  programmeId: id,
  name: z.string(),
  periods: z.array(
    z.object({
      periodId: id,
      systemName: z.string(),
      status: z.enum(PERIOD_STATUSES),
      goLiveAt: isoTime,
      closedAt: isoTime.nullable(),
      daysToExit: z.number().nullable().describe('From go-live to the close, for a closed period'),
      newPerDay: z
        .array(
          z.object({
            day: z.number().int().describe('Days since the go-live day (0)'),
            count: z.number().int(),
          }),
        )
        .describe('Tickets reported each day, up to today or the close'),
      openByPriority: counts.describe('`untriaged` counts open tickets with no priority yet'),
      byCategory: counts,
      mttaMinutes: z.number().nullable(),
      mttrMinutes: z.number().nullable(),
      slaCompliancePercent: z.number().nullable(),
      csat: z.object({ average: z.number().nullable(), responses: z.number().int() }),
      exit: z.object({
        ready: z.boolean(),
        unmet: z.array(z.string()),
        forecastReadyOn: z
          .string()
          .nullable()
          .describe(
            'The day the last unmet criterion is forecast met; null when ready or when one cannot be forecast',
          ),
      }),
    }),
  ),
});
