import { z } from 'zod';

/**
 * The `by` field commands used to carry before sign-in: accepted and ignored for this
 * version, so that existing clients keep working while they drop it. Who acts is the
 * authenticated caller.
 */
export const deprecatedBy = z
  .string()
  .max(200)
  .optional()
  .describe('Deprecated and ignored: who acts is the authenticated caller. Accepted until API version 2');
