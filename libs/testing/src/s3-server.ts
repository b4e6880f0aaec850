import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './eventually';
import { freePort } from './free-port';
import { workspaceRoot } from './infra-resolution';

const IDENTITY = 'hypercare-test';
const CREDENTIAL = 'hypercare-test-secret';

/**
 * A real S3-compatible server for tests: S3Proxy (from Maven Central, fetched by
 * infra/s3/s3proxy.sh) keeping objects in memory, on a free port of 127.0.0.1, with one
 * access key. It speaks the S3 protocol the AWS SDK signs (SigV4).
 */
export class S3Server {
  readonly accessKeyId = IDENTITY;
  readonly secretAccessKey = CREDENTIAL;

  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
  ) {}

  static async start(): Promise<S3Server> {
    const jar = execFileSync('bash', [join(workspaceRoot(), 'infra/s3/s3proxy.sh'), 'fetch'], {
      encoding: 'utf8',
    }).trim();
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const properties = join(mkdtempSync(join(tmpdir(), 's3proxy-')), 's3proxy.conf');
    writeFileSync(
      properties,
      [
        `s3proxy.endpoint=${endpoint}`,
        's3proxy.authorization=aws-v2-or-v4',
        `s3proxy.identity=${IDENTITY}`,
        `s3proxy.credential=${CREDENTIAL}`,
        'jclouds.provider=transient',
        `jclouds.identity=${IDENTITY}`,
        `jclouds.credential=${CREDENTIAL}`,
      ].join('\n'),
    );
    const child = spawn('java', ['-jar', jar, '--properties', properties], { stdio: 'ignore' });
    const server = new S3Server(child, endpoint);
    await eventually(
      'S3Proxy answering',
      async () => {
        if (child.exitCode !== null) throw new Error(`S3Proxy exited with ${child.exitCode}`);
        return fetch(endpoint).then(
          () => true,
          () => false,
        );
      },
      60_000,
    );
    return server;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGTERM');
    await exited;
  }
}
