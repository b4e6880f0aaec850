/**
 * Runs `work` every `ms`, never two at once (a look still running when the next is due lets it
 * pass), and stops after the look under way: the loop every timer of the platform (SLA, pulse
 * rounds, synthetic checks) polls its due work with, by whatever clock that work reads.
 */
export class Ticker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly ms: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.work().finally(() => (this.running = undefined));
    }, this.ms);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
