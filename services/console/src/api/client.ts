import { ApiProblem, type ProblemDocument } from './problem';

export type Service = 'intake' | 'triage' | 'monitoring' | 'feedback' | 'reporting';

/** How every call authenticates: the signed-in session's credentials as request headers. */
export type Credentials = Record<string, string>;

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
}

/**
 * Calls a service's public API under `/<service>` of the console's own origin (the all-in-one
 * mode, or a reverse proxy doing the same): JSON in and out, refusals as `ApiProblem`.
 */
export const call = async <T>(
  credentials: Credentials,
  service: Service,
  path: string,
  { method = 'GET', body, query, headers }: CallOptions = {},
): Promise<T> => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) search.set(key, String(value));
  const url = `/${service}${path}${search.size ? `?${search}` : ''}`;
  const response = await fetch(url, {
    method,
    headers: {
      ...credentials,
      ...headers,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiProblem(response.status, (parsed ?? {}) as ProblemDocument);
  return parsed as T;
};
