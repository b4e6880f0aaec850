import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from './infra-resolution';

/** A service started from its TypeScript entry point as a separate Node process. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process ended. */
  exited: Promise<number | string>;
}

/**
 * Spawns `node -r @swc-node/register <main> [args]` from the workspace root with exactly `env`
 * (plus PATH and HOME), so tests see real start-up, configuration errors and signals.
 */
export const spawnService = (main: string, env: NodeJS.ProcessEnv, args: string[] = []): ServiceProcess => {
  const root = workspaceRoot();
  return spawnNode(['-r', '@swc-node/register', join(root, main), ...args], {
    SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'),
    ...env,
  });
};

const bundleOf = (service: string): string => join(workspaceRoot(), 'dist/services', service, 'main.js');

/** Builds the services' production bundles (`nx build`, cached when nothing changed). */
export const buildBundles = async (services: readonly string[]): Promise<void> => {
  await promisify(execFile)(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', services.join(','), '--output-style=static'],
    { cwd: workspaceRoot(), env: { ...process.env, NX_DAEMON: 'false' }, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string; message: string }) => {
    throw new Error(
      `building ${services.join(', ')} failed: ${error.message}\n${error.stdout?.slice(-4_000) ?? ''}`,
    );
  });
};

/**
 * Runs a service as operators do, `node dist/services/<service>/main.js` with exactly `env`
 * (plus PATH and HOME): the process is the service, its exit code the service's own.
 */
export const spawnBundle = (service: string, env: NodeJS.ProcessEnv): ServiceProcess => {
  const bundle = bundleOf(service);
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: build it first (buildBundles)`);
  return spawnNode([bundle], env);
};

const spawnNode = (args: string[], env: NodeJS.ProcessEnv): ServiceProcess => {
  const child = spawn(process.execPath, args, {
    cwd: workspaceRoot(),
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, output: () => output, exited };
};

/** Polls `url` until it answers 200, the process exits, or the timeout passes. */
export const waitForOk = async (
  url: string,
  service: ServiceProcess,
  timeoutMs = 30_000,
): Promise<Response> => {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | string | undefined;
  void service.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`service exited with ${exitCode} before ${url} answered:\n${service.output()}`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.status === 200) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${service.output()}`);
};
