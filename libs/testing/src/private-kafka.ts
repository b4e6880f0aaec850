import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';
import type { InfraNeed } from './infra-needs';
import { describeWithProgram, onPath } from './program-needs';
import { workspaceRoot } from './infra-resolution';

const run = promisify(execFile);

/**
 * `describeWith(...needs)` for suites that also start a broker of their own, which needs
 * Java 17: without it they fail in CI and are skipped, saying why, elsewhere.
 */
export const describeWithJava = (...needs: InfraNeed[]) =>
  describeWithProgram(
    {
      path: onPath('java'),
      purpose: 'start a Kafka broker of its own (java)',
      install: 'install Java 17 (see infra/kafka/kafka.sh)',
    },
    ...needs,
  );

/** A broker only one suite uses, on ports and in a data folder of its own, that it may stop and start. */
export interface PrivateKafka {
  readonly brokers: string[];
  readonly dataDir: string;
  /** Runs `kafka.sh <command>` for this broker. */
  launcher(command: 'start' | 'stop' | 'status'): Promise<{ stdout: string; stderr: string }>;
  /** Stops the broker and removes its data. */
  dispose(): Promise<void>;
}

/** `scram`: clients must sign in with SASL/SCRAM-SHA-256 as this user. */
export const privateKafka = async (
  options: { scram?: { user: string; password: string } } = {},
): Promise<PrivateKafka> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kafka-private-'));
  const port = await freePort();
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    KAFKA_DATA_DIR: dataDir,
    ...(options.scram
      ? { KAFKA_SCRAM_USER: options.scram.user, KAFKA_SCRAM_PASSWORD: options.scram.password }
      : {}),
  };
  const launcher = (command: string) =>
    run('bash', [join(workspaceRoot(), 'infra/kafka/kafka.sh'), command], { env, timeout: 180_000 });
  return {
    brokers: [`127.0.0.1:${port}`],
    dataDir,
    launcher,
    dispose: async () => {
      await launcher('stop').catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
