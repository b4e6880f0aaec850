import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { workspaceFile } from './declared-metrics';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  profiles?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(workspaceFile('docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const hypercare = Object.entries(compose.services).filter(([, service]) => service.build);
const documented = readFileSync(workspaceFile('docs/configuration.md'), 'utf8');

/**
 * docker-compose.yml, held to what the services and the launcher do (`docker compose config`
 * needs the compose plugin, which this machine lacks; the file is read as compose reads it).
 */
describe('docker-compose.yml', () => {
  it('runs the five services, each as its built bundle, with a readiness healthcheck', () => {
    expect(hypercare.map(([name]) => name).sort()).toEqual([
      'feedback',
      'intake',
      'monitoring',
      'reporting',
      'triage',
    ]);
    for (const [name, service] of hypercare) {
      expect(service.command).toEqual(['node', `dist/services/${name}/main.js`]);
      expect(service.healthcheck?.test.join(' ')).toMatch(/\/health\/ready/);
    }
  });

  it('gives each service a database of its own and all of them one database of API keys', () => {
    const databases = hypercare.map(([, service]) => String(service.environment?.['DATABASE_URL']));
    expect(new Set(databases).size).toBe(hypercare.length);
    const auth = new Set(hypercare.map(([, service]) => service.environment?.['AUTH_DATABASE_URL']));
    expect(auth.size).toBe(1);
    const created = readFileSync(workspaceFile('infra/docker/create-databases.sql'), 'utf8');
    for (const url of [...databases, ...auth])
      expect(created).toContain(`CREATE DATABASE ${String(url).split('/').pop()};`);
  });

  it('sets only variables docs/configuration.md documents', () => {
    const variables = new Set(hypercare.flatMap(([, service]) => Object.keys(service.environment ?? {})));
    expect([...variables].filter((variable) => !documented.includes(`\`${variable}\``))).toEqual([]);
  });

  it('runs the Kafka version the local launcher runs, and no server nothing uses', () => {
    const launcher = /<kafka\.version>([^<]+)</.exec(
      readFileSync(workspaceFile('infra/kafka/pom.xml'), 'utf8'),
    )?.[1];
    expect(compose.services['kafka']?.image).toBe(`apache/kafka:${launcher}`);
    expect(Object.values(compose.services).filter((service) => service.profiles)).toEqual([]);
  });
});
