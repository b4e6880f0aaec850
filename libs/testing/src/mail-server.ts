import { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What an SMTP server that accepts everything gives the mails it receives. */
const acceptEverything = (received: ParsedMail[], raw: Buffer[]) =>
  new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = Buffer.concat(chunks);
        simpleParser(message)
          .then((mail) => {
            received.push(mail);
            raw.push(message);
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

/**
 * A real SMTP server for tests, on a free port of 127.0.0.1: it speaks the protocol, keeps
 * every mail it is sent (parsed), and can be stopped and started again on the same port, as
 * a mail server in an outage would be.
 */
export class MailServer {
  readonly received: ParsedMail[] = [];
  /** The same mails as they came over the wire. */
  readonly raw: Buffer[] = [];
  private server: SMTPServer | undefined;

  private constructor(private port: number) {}

  static async start(): Promise<MailServer> {
    const mail = new MailServer(0);
    await mail.listen();
    return mail;
  }

  /** The URL a sender is configured with. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The mails to an address, in the order they came. */
  to(address: string): ParsedMail[] {
    return this.received.filter((mail) =>
      [mail.to ?? []]
        .flat()
        .some(({ value }) => value.some((to) => to.address?.toLowerCase() === address.toLowerCase())),
    );
  }

  /** How many times each value of a header came: a sender's idempotency key, say. */
  countBy(header: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received) {
      const value = String(mail.headers.get(header.toLowerCase()) ?? '');
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port, after a stop. */
  async restart(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    const server = acceptEverything(this.received, this.raw);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }
}
