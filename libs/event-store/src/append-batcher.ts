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
 * Coalesces concurrent appends from this process into shared statements: an append to an
 * idle batcher goes out at once; appends arriving while statements are in flight leave
 * together at the end of the current turn of the event loop. Nothing waits for a timer. Each append keeps its own outcome; when a whole
 * statement fails, its appends are retried one by one so a failure stays with its cause.
 */
export class AppendBatcher<Request, Outcome> {
  private readonly queue: PendingAppend<Request, Outcome>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly execute: (requests: Request[]) => Promise<Outcome[]>,
    private readonly options: AppendBatcherOptions,
  ) {}

  submit(request: Request, size: number): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ request, size, resolve, reject });
      // Idle: go now. Busy: wait for the turn to end so the appends arriving in it share a statement.
      if (this.inFlight === 0 && !this.scheduled) this.pump();
      else this.schedule();
    });
  }

  /**
   * Flushes after the current turn of the event loop, so every append submitted in it (for
   * instance by callers all resumed by the previous statement's answer) leaves together.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  /**
   * Shares what is queued evenly among the free statement slots (up to maxEvents each), so
   * a burst keeps every slot, and so every core of the database, busy.
   */
  private takeBatch(): PendingAppend<Request, Outcome>[] {
    const queued = this.queue.reduce((sum, pending) => sum + pending.size, 0);
    const freeSlots = this.options.maxInFlight - this.inFlight;
    const share = Math.min(this.options.maxEvents, Math.ceil(queued / freeSlots));
    const batch: PendingAppend<Request, Outcome>[] = [];
    let events = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0] as PendingAppend<Request, Outcome>;
      if (batch.length > 0 && events + next.size > share) break;
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
