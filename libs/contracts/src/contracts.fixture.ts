import { z } from 'zod';
import { defineEvent } from './event-contract';

/**
 * A small versioned pair for exercising the machinery: v2 split v1's `reporter` string
 * into a structured object and made `affectedUsers` required.
 */
export const exampleReportedV1 = defineEvent({
  type: 'hypercare.example.reported.v1',
  topic: 'hypercare.examples.v1',
  summary: 'An example report, first shape.',
  schema: z.object({ title: z.string().min(1), reporter: z.string().email() }),
});

export const exampleReportedV2 = defineEvent({
  type: 'hypercare.example.reported.v2',
  topic: 'hypercare.examples.v1',
  summary: 'An example report, reporter as an object.',
  schema: z.object({
    title: z.string().min(1),
    reporter: z.object({ email: z.string().email(), name: z.string().optional() }),
    affectedUsers: z.number().int().nonnegative(),
    steps: z.array(z.string().min(1)).default([]),
  }),
});

export const exampleClosedV1 = defineEvent({
  type: 'hypercare.example.closed.v1',
  topic: 'hypercare.examples.v1',
  summary: 'An example was closed.',
  schema: z.object({ reason: z.enum(['fixed', 'duplicate']) }),
});

export const upcastReportedV1 = {
  from: exampleReportedV1.type,
  to: exampleReportedV2.type,
  upcast: (data: unknown) => {
    const v1 = data as { title: string; reporter: string };
    return { title: v1.title, reporter: { email: v1.reporter }, affectedUsers: 0 };
  },
};
