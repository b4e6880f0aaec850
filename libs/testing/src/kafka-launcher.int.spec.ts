import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';
import { kafkaAnswers, workspaceRoot } from './infra-resolution';

const run = promisify(execFile);
const javaAvailable = (process.env['PATH'] ?? '').split(':').some((dir) => existsSync(join(dir, 'java')));

if (!javaAvailable && process.env['CI'] === 'true') throw new Error('the Kafka launcher test needs Java 17 on PATH');
if (!javaAvailable) console.warn('[hypercare tests] skipping the Kafka launcher test: java is not on PATH');

(javaAvailable ? describe : describe.skip)('infra/kafka/kafka.sh, on a port of its own', () => {
  const script = join(workspaceRoot(), 'infra/kafka/kafka.sh');
  const data = mkdtempSync(join(tmpdir(), 'kafka-launcher-'));
  let env: NodeJS.ProcessEnv;
  const launcher = (command: string) => run('bash', [script, command], { env, timeout: 180_000 });
  const brokerPids = async (): Promise<string[]> => {
    const { stdout } = await run('pgrep', ['-f', `kafka.Kafka ${data}/server.properties`]).catch(() => ({ stdout: '' }));
    return stdout.split('\n').filter(Boolean);
  };

  beforeAll(async () => {
    const port = await freePort();
    env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(await freePort()), KAFKA_DATA_DIR: data };
  });
  afterAll(async () => {
    await launcher('stop').catch(() => undefined);
    rmSync(data, { recursive: true, force: true });
  });

  it('starts a broker that answers, reuses it when started again, and stops leaving no Java process', async () => {
    await launcher('start');
    const pid = readFileSync(join(data, 'kafka.pid'), 'utf8').trim();
    expect(await kafkaAnswers(`127.0.0.1:${env['KAFKA_PORT']}`)).toBeUndefined();

    const again = await launcher('start');
    expect(again.stderr).toMatch(new RegExp(`already running \\(pid ${pid}\\)`));
    expect(await brokerPids()).toEqual([pid]);
    await expect(launcher('status')).resolves.toMatchObject({ stderr: expect.stringMatching(/running/) });

    await launcher('stop');
    expect(await brokerPids()).toEqual([]);
    await expect(launcher('status')).rejects.toMatchObject({ code: 3 });
  });
});
