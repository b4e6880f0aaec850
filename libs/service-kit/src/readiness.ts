import { Injectable } from '@nestjs/common';

/** One dependency the service cannot serve without. */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects with the reason otherwise. */
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { status: 'up' | 'down'; error?: string }>;
}

const CHECK_TIMEOUT_MS = 3_000;

const withTimeout = <T>(promise: Promise<T>, name: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${name} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);

/** Collects the checks that feature modules register and runs them together. */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();
  private draining?: string;

  register(check: ReadinessCheck): void {
    this.checks.set(check.name, check);
  }

  /** From now on not ready, for `reason`: the process is stopping, so traffic should go elsewhere. */
  drain(reason: string): void {
    this.draining = reason;
  }

  async evaluate(): Promise<ReadinessReport> {
    if (this.draining)
      return { ready: false, checks: { shutdown: { status: 'down', error: this.draining } } };
    const entries = await Promise.all(
      [...this.checks.values()].map(async ({ name, check }) => {
        try {
          await withTimeout(check(), name);
          return [name, { status: 'up' as const }] as const;
        } catch (error) {
          return [name, { status: 'down' as const, error: (error as Error).message }] as const;
        }
      }),
    );
    return {
      ready: entries.every(([, result]) => result.status === 'up'),
      checks: Object.fromEntries(entries),
    };
  }
}
