import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCredentials } from '../auth/session';
import { streamMessages } from './event-stream';

/** Changes arriving together refresh the views once. */
const SETTLE_MS = 150;
const RECONNECT_MS = 2_000;

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'off';

/**
 * Keeps a period's views current without reloading: follows reporting's live stream of the
 * period and refreshes every query of it (and of its tickets) when a change is committed; a
 * dropped stream reconnects with the last position it read, and is told at once if it missed any.
 * Not `enabled` (someone reporting's views are not for), or refused by reporting, it follows nothing.
 */
export const useLivePeriod = (periodId: string, enabled = true): LiveState => {
  const credentials = useCredentials();
  const queries = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let lastId: string | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        void queries.invalidateQueries({ queryKey: ['period', periodId] });
        void queries.invalidateQueries({ queryKey: ['ticket'] });
      }, SETTLE_MS);
    };
    const follow = async () => {
      while (!abort.signal.aborted) {
        try {
          const response = await fetch(`/reporting/periods/${periodId}/live`, {
            headers: { ...credentials, ...(lastId ? { 'last-event-id': lastId } : {}) },
            signal: abort.signal,
          });
          // A refusal will not pass by trying again (a 429 will).
          if (response.status >= 400 && response.status < 500 && response.status !== 429) {
            setState('off');
            return;
          }
          if (!response.ok || !response.body) throw new Error(`live stream answered ${response.status}`);
          setState('live');
          // Whatever changed before it connected, or while it was not, is read again.
          refresh();
          for await (const message of streamMessages(response.body)) {
            lastId = message.id ?? lastId;
            if (message.event === 'changed') refresh();
          }
        } catch {
          if (abort.signal.aborted) return;
        }
        setState('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    };
    void follow();
    return () => {
      abort.abort();
      clearTimeout(pending);
    };
  }, [periodId, enabled, credentials, queries]);

  return state;
};

/** The live state as the page says it. */
export const LIVE_LABELS: Record<LiveState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  off: 'Not live: refresh to see changes',
};
