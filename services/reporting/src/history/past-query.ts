import { z } from 'zod';

/** The query parameters that turn any of reporting's views to a past moment. */
export const pastQuery = z.object({
  asOf: z
    .string()
    .datetime({ offset: true })
    .optional()
    .describe('Answer as it stood at this time (ISO 8601): from what reporting had received by then'),
  asOfPosition: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("Answer as it stood after this position of reporting's history (see GET /events)"),
});
export type PastQuery = z.infer<typeof pastQuery>;

/** What a view answering a past moment says of it, in its response headers. */
export const PAST_HEADERS = {
  position: 'Hypercare-As-Of-Position',
  time: 'Hypercare-As-Of-Time',
} as const;

/** The description a view's OpenAPI response gets for the past moment's headers. */
export const pastNote = `; with asOf or asOfPosition, as it stood then (headers ${PAST_HEADERS.position} and ${PAST_HEADERS.time} name the moment)`;
