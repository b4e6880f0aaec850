import type { SyntheticCheckDefinition } from '@hypercare/contracts';

/** One run of a check: whether it passed, and what was seen. */
export interface ProbeResult {
  ok: boolean;
  status: number | null;
  latencyMs: number | null;
  problem: string | null;
}

/**
 * Makes the check's request once and judges it: the expected status, the expected text in the
 * body, within the latency budget. A request still unanswered at twice the budget (at least a
 * second) is abandoned and fails.
 */
export const probe = async (definition: SyntheticCheckDefinition): Promise<ProbeResult> => {
  const started = performance.now();
  try {
    const response = await fetch(definition.url, {
      method: definition.method,
      headers: definition.headers,
      ...(definition.method === 'POST' && definition.body !== undefined ? { body: definition.body } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(Math.max(1_000, definition.latencyBudgetMs * 2)),
    });
    const text = definition.method === 'HEAD' ? '' : await response.text();
    const latencyMs = Math.round(performance.now() - started);
    const problem =
      response.status !== definition.expectStatus
        ? `answered ${response.status}, expected ${definition.expectStatus}`
        : definition.bodyContains !== undefined && !text.includes(definition.bodyContains)
          ? `the body does not contain "${definition.bodyContains}"`
          : latencyMs > definition.latencyBudgetMs
            ? `took ${latencyMs} ms, budget ${definition.latencyBudgetMs} ms`
            : null;
    return { ok: problem === null, status: response.status, latencyMs, problem };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return { ok: false, status: null, latencyMs: null, problem: `no answer: ${cause}`.slice(0, 500) };
  }
};
