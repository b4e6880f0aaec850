/** The fingerprints re-sent throughout the storm. */
const HOT = 500;
/** One in this many alerts is new; the rest re-send a hot one. */
const NEW_EVERY = 20;
/** One in this many distinct alerts is critical (a ticket at once); the others never ask for one. */
const CRITICAL_EVERY = 100;

/**
 * A go-live alert storm as Alertmanager would send it: batches of alerts, 95 % of them re-sends
 * of 500 hot fingerprints, 5 % new ones, one distinct alert in a hundred critical (each of its
 * own service, so each asks for its own ticket rather than joining another's). It keeps
 * what it sent, so the bench can check that every notification was counted and every distinct
 * alert raised once.
 */
export class AlertStorm {
  private fresh = 0;
  readonly distinct = new Set<string>();
  readonly critical = new Set<string>();
  sent = 0;

  constructor(private readonly startsAt = new Date().toISOString()) {}

  /** The next request's body, `size` alerts. */
  batch(size: number): {
    body: string;
    alerts: Array<{ fingerprint: string; labels: Record<string, string> }>;
  } {
    const alerts = Array.from({ length: size }, () => {
      const n = this.sent++;
      const index = n % NEW_EVERY === 0 ? HOT + this.fresh++ : n % HOT;
      const fingerprint = index < HOT ? `hot-${index}` : `new-${index}`;
      const critical = index % CRITICAL_EVERY === 0;
      this.distinct.add(fingerprint);
      if (critical) this.critical.add(fingerprint);
      return {
        status: 'firing',
        fingerprint,
        labels: {
          alertname: critical ? 'OrdersDown' : 'QueueLagging',
          service: critical ? `critical-${index}` : `svc-${index % 50}`,
          severity: critical ? 'critical' : index < HOT ? 'info' : 'warning',
        },
        annotations: { summary: `alert ${fingerprint}` },
        startsAt: this.startsAt,
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus:9090/graph',
      };
    });
    return {
      alerts,
      body: JSON.stringify({
        version: '4',
        receiver: 'hypercare',
        status: 'firing',
        groupKey: '{}:{alertname="storm"}',
        groupLabels: {},
        commonLabels: {},
        commonAnnotations: {},
        externalURL: 'http://alertmanager:9093',
        truncatedAlerts: 0,
        alerts,
      }),
    };
  }
}
