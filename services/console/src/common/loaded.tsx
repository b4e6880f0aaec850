import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** A read's answer shown by `children`, or that it is on its way, or why it failed. */
export const Loaded = <T,>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) => {
  if (query.error) return <p role="alert">{query.error.message}</p>;
  if (query.data === undefined) return <p role="status">Loading {what}…</p>;
  return <>{children(query.data)}</>;
};
