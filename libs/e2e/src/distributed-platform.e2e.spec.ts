import { databaseUrl, describeWith } from '@hypercare/testing';
import { Client } from 'pg';
import { DistributedPlatform } from './distributed-platform';

const e2eDatabases = async (): Promise<string[]> => {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'e2e\\_%' order by 1`,
    );
    return rows.map(({ datname }) => datname);
  } finally {
    await client.end();
  }
};

describeWith('postgres', 'kafka')('the distributed platform of the end-to-end tests', () => {
  it('given a service that cannot start, fails naming it and leaves no process or database behind', async () => {
    const before = await e2eDatabases();
    await expect(
      DistributedPlatform.start({ triage: { PORT: 'not-a-port' } }, { services: ['intake', 'triage'] }),
    ).rejects.toThrow(/PORT/);
    expect(await e2eDatabases()).toEqual(before);
  }, 120_000);
});
