import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The API keys every service checks callers against: hashes only, never a secret. */
export class AuthSchema1764900000000 implements MigrationInterface {
  name = 'AuthSchema1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table hypercare_auth.api_keys (
      id           text primary key,
      name         text not null,
      secret_hash  text not null,
      grants       jsonb not null,
      created_by   jsonb not null,
      created_at   timestamptz not null,
      expires_at   timestamptz,
      revoked_at   timestamptz,
      revoked_by   jsonb,
      last_used_at timestamptz)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table hypercare_auth.api_keys');
  }
}
