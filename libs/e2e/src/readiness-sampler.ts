interface Sample {
  at: number;
  status: number;
  body: unknown;
}

const INTERVAL_MS = 100;

/** Polls a readiness URL every 100 ms from its creation until stopped, keeping every answer (0: no answer). */
export class ReadinessSampler {
  private readonly samples: Sample[] = [];
  private readonly started = Date.now();
  private running = true;

  constructor(private readonly url: string) {
    void this.poll();
  }

  /** The first answer with `status` (and a body matching `body`) since `from` (default now). */
  async until(
    status: number,
    timeoutMs: number,
    { body = /.*/, from = Date.now() }: { body?: RegExp; from?: number } = {},
  ): Promise<Sample & { sinceStartMs: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sample = this.samples.find(
        (s) => s.at >= from && s.status === status && body.test(JSON.stringify(s.body)),
      );
      if (sample) return { ...sample, sinceStartMs: sample.at - this.started };
      if (Date.now() > deadline)
        throw new Error(
          `${this.url} did not answer ${status} matching ${body} within ${timeoutMs} ms: ${this.describe(from)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
  }

  /** The distinct statuses answered from `from` to `to`. */
  statusesBetween(from: number, to: number): number[] {
    return [...new Set(this.samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.status))];
  }

  stop(): void {
    this.running = false;
  }

  private describe(from: number): string {
    const last = this.samples.filter((s) => s.at >= from).at(-1);
    return last ? `last ${last.status} ${JSON.stringify(last.body)}` : 'no answer yet';
  }

  private async poll(): Promise<void> {
    while (this.running) {
      const response = await fetch(this.url, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
      const body: unknown = response ? await response.json().catch(() => undefined) : undefined;
      this.samples.push({ at: Date.now(), status: response?.status ?? 0, body });
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
  }
}
