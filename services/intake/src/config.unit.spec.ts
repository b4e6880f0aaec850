import { ConfigError } from '@hypercare/service-kit';
import { loadIntakeConfig } from './config';

const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', KAFKA_BROKERS: '127.0.0.1:9092' };

describe("intake's configuration", () => {
  it('allows https attachments only, unless told http too', () => {
    expect(loadIntakeConfig(env).ATTACHMENT_SCHEMES).toEqual(['https']);
    expect(loadIntakeConfig({ ...env, ATTACHMENT_SCHEMES: 'https, HTTP' }).ATTACHMENT_SCHEMES).toEqual([
      'https',
      'http',
    ]);
  });

  it('refuses another scheme, naming the variable', () => {
    expect(() => loadIntakeConfig({ ...env, ATTACHMENT_SCHEMES: 'https,ftp' })).toThrow(ConfigError);
    expect(() => loadIntakeConfig({ ...env, ATTACHMENT_SCHEMES: 'https,ftp' })).toThrow(
      /ATTACHMENT_SCHEMES.1 must list https and\/or http/,
    );
  });
});
