import type { HypercareClient } from './hypercare-client';

/** Creates a programme, the tenant periods belong to; answers its id. */
export const newProgramme = async (
  client: HypercareClient,
  name: string,
  description?: string,
): Promise<string> =>
  (
    await client.call<{ programmeId: string }>('triage', 'POST', '/programmes', {
      name,
      ...(description ? { description } : {}),
    })
  ).programmeId;

/** Plans a period of the programme; answers its id and the log position of its planning. */
export const planPeriod = async (
  client: HypercareClient,
  programmeId: string,
  definition: object,
): Promise<{ periodId: string; position?: number }> =>
  client.call<{ periodId: string; position?: number }>(
    'triage',
    'POST',
    `/programmes/${programmeId}/periods`,
    definition,
  );
