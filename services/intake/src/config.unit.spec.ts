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

describe("intake's mail settings", () => {
  it('keep notifications in the log unless an SMTP server is named, sending from a default address', () => {
    const config = loadIntakeConfig(env);
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.MAIL_FROM).toBe('Hypercare <hypercare@localhost>');
    expect(config.NOTIFY_MAX_ATTEMPTS).toBe(12);
  });

  it('refuse a server that does not speak SMTP and a sender that is not an address, naming each', () => {
    expect(() => loadIntakeConfig({ ...env, SMTP_URL: 'https://mail.example.com' })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadIntakeConfig({ ...env, MAIL_FROM: 'Hypercare' })).toThrow(
      /MAIL_FROM must be an address, or Name <address>/,
    );
    expect(
      loadIntakeConfig({ ...env, MAIL_REPLY_TO: 'Hypercare <reply@hc.example.com>' }).MAIL_REPLY_TO,
    ).toBe('Hypercare <reply@hc.example.com>');
  });
});
