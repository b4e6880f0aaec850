import { useQuery } from '@tanstack/react-query';
import { useCredentials } from '../auth/session';
import { call, type Service } from './client';

/**
 * One read of a period's, keyed under the period so that the live stream's "changed" reads it
 * again; the last answer stays on screen while the next one comes. Not `enabled`, nothing is asked.
 */
export const usePeriodRead = <T>(
  periodId: string,
  service: Service,
  path: string,
  query: Record<string, string | number | undefined> = {},
  enabled = true,
) => {
  const credentials = useCredentials();
  return useQuery({
    queryKey: ['period', periodId, service, path, query],
    queryFn: () => call<T>(credentials, service, path, { query }),
    placeholderData: (previous) => previous,
    enabled,
  });
};
