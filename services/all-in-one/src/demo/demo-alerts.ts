import type { HypercareClient } from '@hypercare/client';
import type { DemoAlertSend } from './alert-plan';

interface AlertRow {
  fingerprint: string;
  status: 'firing' | 'resolved' | null;
  ticketId: string | null;
}

/** Who takes a period's alerts: its Alertmanager (a monitoring source) and the agent working what they bring. */
export interface AlertDesk {
  alertmanager: HypercareClient;
  agent: HypercareClient;
  agentEmail: string;
}

const payload = ({ alert, firing, at }: DemoAlertSend) => ({
  version: '4',
  receiver: 'hypercare',
  status: firing ? 'firing' : 'resolved',
  groupKey: `{}:{alertname="${alert.name}"}`,
  groupLabels: { alertname: alert.name },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager.example.com:9093',
  truncatedAlerts: 0,
  alerts: [
    {
      status: firing ? 'firing' : 'resolved',
      labels: { alertname: alert.name, severity: alert.severity, service: alert.service },
      annotations: { summary: alert.summary },
      startsAt: at.toISOString(),
      endsAt: firing ? '0001-01-01T00:00:00Z' : at.toISOString(),
      generatorURL: `http://prometheus.example.com:9090/graph?g0.expr=${alert.name}`,
      fingerprint: alert.fingerprint,
    },
  ],
});

/**
 * Sends one notification of the demo's alert storm as Alertmanager would, and has the agent
 * work what it brings: a ticket an alert asked for is triaged as the plan says and worked;
 * once no alert firing still holds it, it is resolved and closed.
 */
export const sendDemoAlert = async (
  desk: AlertDesk,
  periodId: string,
  send: DemoAlertSend,
  working: Set<string>,
): Promise<void> => {
  await desk.alertmanager.call(
    'monitoring',
    'POST',
    `/periods/${periodId}/alerts/alertmanager`,
    payload(send),
  );
  const alerts = await desk.agent.call<AlertRow[]>(
    'monitoring',
    'GET',
    `/periods/${periodId}/alerts?limit=500`,
  );
  const ticketId = alerts.find(({ fingerprint }) => fingerprint === send.alert.fingerprint)?.ticketId;
  if (!ticketId) return;
  if (send.firing && !working.has(ticketId)) {
    await desk.agent.poll('triage', `/tickets/${ticketId}`, (r) => r.status === 200, 30_000, 10);
    for (const [command, body] of [
      ['triage', send.alert.triage],
      ['assign', { role: 'support-agent', email: desk.agentEmail }],
      ['acknowledge', {}],
      ['start', {}],
    ] as const)
      await desk.agent.call('triage', 'POST', `/tickets/${ticketId}/${command}`, body);
    working.add(ticketId);
  }
  const stillFiring = alerts.some((alert) => alert.ticketId === ticketId && alert.status === 'firing');
  if (send.firing || stillFiring || !working.has(ticketId)) return;
  await desk.agent.call('triage', 'POST', `/tickets/${ticketId}/resolve`, {
    rootCause: `${send.alert.summary}: ${send.alert.service} under go-live load`,
    fixReference: `CHG-ALERT-${send.alert.fingerprint.slice(0, 6)}`,
  });
  await desk.agent.call('triage', 'POST', `/tickets/${ticketId}/close`, {});
  working.delete(ticketId);
};
