import { generateApiKey } from './api-key-secret';

/**
 * A platform admin key for a test process: give it to a service as HYPERCARE_ADMIN_API_KEY
 * and to its client with `withApiKey`, and the test calls as an admin would.
 */
export const testAdminKey = (): string => generateApiKey().text;
