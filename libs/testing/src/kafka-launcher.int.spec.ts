import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { kafkaAnswers } from './infra-resolution';
import { describeWithJava, privateKafka, type PrivateKafka } from './private-kafka';

const run = promisify(execFile);

describeWithJava()('infra/kafka/kafka.sh, on a port of its own', () => {
  let kafka: PrivateKafka;
  const brokerPids = async (): Promise<string[]> => {
    const { stdout } = await run('pgrep', ['-f', `kafka.Kafka ${kafka.dataDir}/server.properties`]).catch(
      () => ({ stdout: '' }),
    );
    return stdout.split('\n').filter(Boolean);
  };

  beforeAll(async () => (kafka = await privateKafka()));
  afterAll(async () => kafka?.dispose());

  it('starts a broker that answers, reuses it when started again, and stops leaving no Java process', async () => {
    await kafka.launcher('start');
    const pid = readFileSync(join(kafka.dataDir, 'kafka.pid'), 'utf8').trim();
    expect(await kafkaAnswers(kafka.brokers.join(','))).toBeUndefined();

    const again = await kafka.launcher('start');
    expect(again.stderr).toMatch(new RegExp(`already running \\(pid ${pid}\\)`));
    expect(await brokerPids()).toEqual([pid]);
    await expect(kafka.launcher('status')).resolves.toMatchObject({
      stderr: expect.stringMatching(/running/),
    });

    await kafka.launcher('stop');
    expect(await brokerPids()).toEqual([]);
    await expect(kafka.launcher('status')).rejects.toMatchObject({ code: 3 });
  });
});
