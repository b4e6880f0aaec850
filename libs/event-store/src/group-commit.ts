const DEFAULT_MIN_SPLIT = 16;

/** One caller's request, waiting to share a statement with others. */
export interface PendingStatement<Request, Outcome> {
  request: Request;
  size: number;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** Statements in flight at once. */
  maxInFlight: number;
  /** Size (events, rows) per statement at most; a single larger request still goes alone. */
  maxSize: number;
  /**
   * Size a statement carries at least before queued requests are split across free slots
   * (default 16): a statement's fixed cost (a round trip, a call, a commit) outweighs the
   * rows of a smaller one, so two halves of a small batch cost nearly twice the whole.
   */
  minSplit?: number;
  /**
   * Size from which a request goes in a statement of its own (default: never): it pays
   * for its statement by itself, and sharing one would only make the statement carry it
   * along with the others.
   */
  aloneFrom?: number;
}

/**
 * Group commit: coalesces concurrent requests from this process (appends, counter updates)
 * into shared statements. A request to an idle batcher goes out at once; requests arriving
 * while statements are in flight leave together at the end of the current turn of the event
 * loop. Nothing waits for a timer. Each request keeps its own outcome; when a whole
 * statement fails, its requests are retried one by one so a failure stays with its cause,
 * which is safe only for statements that write all or nothing.
 */
export class GroupCommit<Request, Outcome> {
  private readonly queue: PendingStatement<Request, Outcome>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly execute: (requests: Request[]) => Promise<Outcome[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(request: Request, size: number): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ request, size, resolve, reject });
      // Idle: go now. Busy: wait for the turn to end so the requests arriving in it share a statement.
      if (this.inFlight === 0 && !this.scheduled) this.pump();
      else this.schedule();
    });
  }

  /**
   * Flushes after the current turn of the event loop, so every request submitted in it (for
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
   * Shares what is queued evenly among the free statement slots (up to maxSize each), so
   * a burst keeps every slot, and so every core of the database, busy; a small queue goes
   * whole (eight single appends: 14k events/s split in two statements, 19k whole).
   */
  private takeBatch(): PendingStatement<Request, Outcome>[] {
    const queued = this.queue.reduce((sum, pending) => sum + pending.size, 0);
    const freeSlots = this.options.maxInFlight - this.inFlight;
    const minSplit = this.options.minSplit ?? DEFAULT_MIN_SPLIT;
    const parts = Math.min(freeSlots, Math.max(1, Math.floor(queued / minSplit)));
    const share = Math.min(this.options.maxSize, Math.ceil(queued / parts));
    const alone = this.options.aloneFrom ?? Infinity;
    const batch: PendingStatement<Request, Outcome>[] = [];
    let events = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0] as PendingStatement<Request, Outcome>;
      if (batch.length > 0 && (events + next.size > share || next.size >= alone)) break;
      batch.push(this.queue.shift() as PendingStatement<Request, Outcome>);
      events += next.size;
      if (next.size >= alone) break;
    }
    return batch;
  }

  private async run(batch: PendingStatement<Request, Outcome>[]): Promise<void> {
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
