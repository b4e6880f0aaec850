import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiKeyStore, signedHeaders, systemActor } from '@hypercare/auth';
import { HypercareClient } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import { MonitoringApp } from '../monitoring-app.fixture';

/** As the client sends it (compact JSON): the signature covers the exact bytes. */
const grafanaFiring = JSON.stringify(
  JSON.parse(readFileSync(join(__dirname, 'fixtures', 'grafana-firing.json'), 'utf8')),
);

/**
 * Sources that sign instead of sending a key (Grafana's HMAC signature, with our timestamp
 * header): a signed request is counted; an altered, re-timed or replayed one is refused
 * before anything is kept. Credentials run on real time, whatever the service's clock.
 */
describeWith('postgres')('signed alert receivers', () => {
  let monitoring: MonitoringApp;
  let anonymous: HypercareClient;
  let keyId: string;
  let secret: string;
  let path: string;

  beforeAll(async () => {
    monitoring = await MonitoringApp.start('monitoring_signed', new Date('2031-05-05T10:00:00Z'), {
      HYPERCARE_SIGNING_KEY: '3f1e9a7c5b2d8e4f6a0c1b3d5e7f9a2c4e6b8d0f',
    });
    anonymous = HypercareClient.distributed({ monitoring: await monitoring.app.getUrl() });
    const made = await monitoring.app.get(ApiKeyStore).create(
      {
        name: 'Grafana',
        grants: [{ role: 'monitoring-source', scope: { kind: 'programme', id: monitoring.programmeId } }],
        signing: true,
      },
      systemActor('test'),
    );
    keyId = made.record.id;
    secret = made.signingSecret as string;
    path = `/periods/${await monitoring.period()}/alerts/grafana`;
  }, 60_000);
  afterAll(() => monitoring?.stop());

  const sendSigned = (headers: Record<string, string>, body = grafanaFiring) =>
    anonymous.send<Record<string, unknown>>('monitoring', 'POST', path, JSON.parse(body), headers);
  const grafanaHeaders = (at: Date, body = grafanaFiring) => {
    const signed = signedHeaders(keyId, secret, body, at);
    return {
      'X-Hypercare-Key-Id': keyId,
      'X-Hypercare-Timestamp': signed['X-Hypercare-Timestamp'] as string,
      'X-Grafana-Alerting-Signature': signed['X-Hypercare-Signature'] as string,
    };
  };
  const alertsKept = async () =>
    (await monitoring.runtime.sql.query<{ n: number }>('select count(*)::int as n from monitoring.alerts'))[0]
      ?.n;

  it("counts a request signed with the key's signing secret, in Grafana's header", async () => {
    const answer = await sendSigned(grafanaHeaders(new Date()));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ notifications: 1, raised: 1 });
  });

  it('refuses a replayed, an altered and an unsigned-for request, naming why, keeping nothing', async () => {
    const before = await alertsKept();
    const replayed = await sendSigned(grafanaHeaders(new Date(Date.now() - 6 * 60_000)));
    expect(replayed.body).toMatchObject({
      status: 401,
      detail: expect.stringMatching(/^X-Hypercare-Timestamp \d+ is 36\d s old; .*\(a replayed request/),
    });
    const other = grafanaFiring.replace('"firing"', '"resolved"');
    const altered = await sendSigned(grafanaHeaders(new Date()), other);
    expect(altered.body).toMatchObject({ status: 401, detail: expect.stringMatching(/does not match/) });
    const { 'X-Hypercare-Key-Id': _, ...nameless } = grafanaHeaders(new Date());
    expect((await sendSigned(nameless)).body).toMatchObject({
      status: 401,
      detail: 'A signed request names its API key in X-Hypercare-Key-Id',
    });
    expect(await alertsKept()).toBe(before);
  });
});
