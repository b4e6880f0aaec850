import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A key may also sign requests: its signing secret, sealed (never in clear, unlike the key's id). */
export class SigningSecrets1764900002000 implements MigrationInterface {
  name = 'SigningSecrets1764900002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table hypercare_auth.api_keys add column signing_secret text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table hypercare_auth.api_keys drop column signing_secret');
  }
}
