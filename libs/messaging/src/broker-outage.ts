import { metrics } from '@opentelemetry/api';
import type { KafkaTrouble, MessagingLog } from './log';

const outages = new Map<string, BrokerOutage>();
metrics
  .getMeter('hypercare-messaging')
  .createObservableGauge('hypercare_kafka_reachable', {
    description: '1 while the Kafka client answers, 0 from its first trouble until it answers again',
  })
  .addCallback((result) =>
    outages.forEach((outage, client) => result.observe(outage.reachable ? 1 : 0, { client })),
  );

/**
 * What a healthy cluster answers while a group or partition changes hands (a fresh broker
 * electing its group coordinator, a rebalance): the client retries and it passes by itself.
 */
const TRANSIENT =
  /group coordinator is not available|not the correct coordinator|coordinator is loading|leadership election|rebalanc/i;

/**
 * An outage is one warning when it starts and one line when it ends: while the broker is
 * away, a Kafka client retries and logs every attempt, which would bury everything else. The
 * first trouble is logged with what went wrong; later lines are counted until something
 * shows the broker answering again (a publish, a fetch, a probe), then one info line says
 * for how long and how many were held back.
 */
export class BrokerOutage implements KafkaTrouble {
  private since?: number;
  private heldBack = 0;

  constructor(
    private readonly log: MessagingLog,
    private readonly client: string,
    private readonly now: () => number = Date.now,
  ) {
    outages.set(client, this);
  }

  get reachable(): boolean {
    return this.since === undefined;
  }

  trouble(fields: object, message: string): void {
    if (TRANSIENT.test(String((fields as { error?: unknown }).error ?? ''))) {
      this.log.info({ ...fields, client: this.client }, message);
      return;
    }
    if (this.since !== undefined) {
      this.heldBack++;
      return;
    }
    this.since = this.now();
    this.log.warn(
      { ...fields, client: this.client },
      `Kafka trouble: ${message} (further Kafka client lines held back until it answers again)`,
    );
  }

  answered(): void {
    if (this.since === undefined) return;
    this.log.info(
      { client: this.client, troubleMs: this.now() - this.since, heldBack: this.heldBack },
      'Kafka answers again',
    );
    this.since = undefined;
    this.heldBack = 0;
  }

  /** Stops reporting this client's reachability. */
  forget(): void {
    if (outages.get(this.client) === this) outages.delete(this.client);
  }
}
