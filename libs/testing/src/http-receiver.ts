import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the receiver took it: its path, headers and body bytes as sent. */
export interface ReceivedRequest {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers a request; by default 200 with an empty body. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * An HTTP endpoint on a free port that keeps what it is sent (a webhook's receiver, a chat
 * tool's incoming webhook), answering as `answer` decides: refusing a request is recorded
 * apart from taking it, so a test counts what was taken.
 */
export class HttpReceiver {
  readonly taken: ReceivedRequest[] = [];
  readonly refused: ReceivedRequest[] = [];

  private constructor(
    private readonly server: Server,
    private answer: (request: ReceivedRequest) => Answer,
  ) {}

  static async start(answer: (request: ReceivedRequest) => Answer = () => ({ status: 200 })) {
    const receiver = new HttpReceiver(createServer(), answer);
    receiver.server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = {
          at: Date.now(),
          path: request.url ?? '/',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        const { status, headers, body } = receiver.answer(received);
        (status < 300 ? receiver.taken : receiver.refused).push(received);
        response.writeHead(status, headers).end(body ?? '');
      });
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** The receiver's URL, with `path`. */
  url(path = '/'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** Answers the requests from now on as `answer` decides. */
  answerWith(answer: (request: ReceivedRequest) => Answer): void {
    this.answer = answer;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
