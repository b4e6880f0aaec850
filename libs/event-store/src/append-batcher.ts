/** One caller's append, waiting to share a statement with others. */
export interface PendingAppend<Request, Outcome> {
  request: Request;
  size: number;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

export interface AppendBatcherOptions {
  /** Statements in flight at once. */
  maxInFlight: number;
  /** Events per statement at most; a single larger append still goes alone. */
  maxEvents: number;
}

/**
 * Coalesces concurrent appends from this process into one statement: while a statement is
 * in flight, new appends queue and leave together in the next. Nothing waits for a timer,
 * so a lone append goes out at once. Each append keeps its own outcome; when a whole
 * statement fails, its appends are retried one by one so a failure stays with its cause.
 */
export class AppendBatcher<Request, Outcome> {
  private readonly queue: PendingAppend<Request, Outcome>[] = [];
  private inFlight = 0;

  constructor(
    private readonly execute: (requests: Request[]) => Promise<Outcome[]>,
    private readonly options: AppendBatcherOptions,
  ) {}

  submit(request: Request, size: number): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ request, size, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private takeBatch(): PendingAppend<Request, Outcome>[] {
    const batch: PendingAppend<Request, Outcome>[] = [];
    let events = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0] as PendingAppend<Request, Outcome>;
      if (batch.length > 0 && events + next.size > this.options.maxEvents) break;
      batch.push(this.queue.shift() as PendingAppend<Request, Outcome>);
      events += next.size;
    }
    return batch;
  }

  private async run(batch: PendingAppend<Request, Outcome>[]): Promise<void> {
    try {
      const outcomes = await this.execute(batch.map((pending) => pending.request));
      batch.forEach((pending, index) => pending.resolve(outcomes[index] as Outcome));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      await Promise.all(
        batch.map(async (pending) => {
          try {
            const [outcome] = await this.execute([pending.request]);
            pending.resolve(outcome as Outcome);
          } catch (single) {
            pending.reject(single);
          }
        }),
      );
    }
  }
}
