import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaSecurity } from './kafka-config';

describe('Kafka security options', () => {
  it('connects plainly unless told otherwise', () => {
    expect(kafkaSecurity({ KAFKA_TLS: 'false' })).toEqual({});
  });

  it('signs in with the configured mechanism and user', () => {
    expect(
      kafkaSecurity({
        KAFKA_TLS: 'false',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'svc-triage',
        KAFKA_SASL_PASSWORD: 'pw',
      }),
    ).toEqual({ sasl: { mechanism: 'scram-sha-512', username: 'svc-triage', password: 'pw' } });
  });

  it("encrypts with the system's authorities, or with the one in the CA file", () => {
    expect(kafkaSecurity({ KAFKA_TLS: 'true' })).toEqual({ ssl: true });
    const folder = mkdtempSync(join(tmpdir(), 'hypercare-kafka-ca-'));
    writeFileSync(join(folder, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(kafkaSecurity({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: join(folder, 'ca.pem') })).toEqual({
      ssl: { ca: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'] },
    });
    rmSync(folder, { recursive: true });
  });
});
