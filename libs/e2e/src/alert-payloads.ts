import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One of monitoring's recorded Alertmanager notifications (its test fixtures), as a source sends it. */
export const alertmanagerPayload = (name: 'firing' | 'resolved'): Record<string, unknown> =>
  JSON.parse(
    readFileSync(
      join(__dirname, `../../../services/monitoring/src/alerts/fixtures/alertmanager-${name}.json`),
      'utf8',
    ),
  ) as Record<string, unknown>;
