import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message as the stand-in received it, and when. */
export interface PostedMessage {
  at: number;
  channel: string;
  text: string;
  thread_ts?: string;
  blocks: Array<Record<string, unknown>>;
  metadata?: { event_type: string; event_payload: Record<string, string> };
  ts: string;
}

const BLOCK_TYPES = new Set(['section', 'context', 'header', 'divider', 'actions']);
const TEXT_TYPES = new Set(['mrkdwn', 'plain_text']);

/** What is wrong with a message's Block Kit blocks, as Slack documents them; undefined when nothing. */
const blockProblem = (blocks: unknown): string | undefined => {
  if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > 50)
    return 'blocks must hold 1-50 blocks';
  for (const block of blocks as Array<Record<string, unknown>>) {
    if (!BLOCK_TYPES.has(String(block.type))) return `unknown block type ${String(block.type)}`;
    const texts =
      block.type === 'context'
        ? ((block.elements as Array<Record<string, unknown>> | undefined) ?? [])
        : block.type === 'section'
          ? [block.text as Record<string, unknown>]
          : [];
    if (block.type === 'context' && (texts.length === 0 || texts.length > 10))
      return 'a context holds 1-10 elements';
    for (const text of texts) {
      if (!text || !TEXT_TYPES.has(String(text.type))) return 'a text object is mrkdwn or plain_text';
      if (typeof text.text !== 'string' || text.text.length === 0 || text.text.length > 3000)
        return 'a text object holds 1-3000 characters';
    }
  }
  return undefined;
};

/** Slack's read methods take form-encoded arguments only; its write methods take JSON too. */
const READ_METHODS = new Set(['/api/users.info', '/api/users.lookupByEmail']);

const readBody = async (request: IncomingMessage): Promise<Record<string, unknown> | undefined> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const form = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
  if (READ_METHODS.has(request.url ?? '') && !form) return undefined;
  return form
    ? Object.fromEntries(new URLSearchParams(text))
    : (JSON.parse(text || '{}') as Record<string, unknown>);
};

/**
 * Slack's Web API for tests, on a free port: `users.info`, `users.lookupByEmail` (form-encoded,
 * as Slack takes them) and `chat.postMessage`, checking the bot token and the messages' Block
 * Kit as Slack does and answering as Slack answers; it can be told to rate-limit the next post
 * (429 with Retry-After).
 */
export class SlackStandIn {
  readonly posted: PostedMessage[] = [];
  /** Every 429 it answered, and when. */
  readonly limited: number[] = [];
  private rateLimitSeconds = 0;
  private clock = 0;

  private constructor(
    private readonly server: Server,
    private readonly token: string,
    private readonly users: Record<string, { name: string; email: string }>,
  ) {}

  static async start(
    token: string,
    users: Record<string, { name: string; email: string }>,
  ): Promise<SlackStandIn> {
    const standIn = new SlackStandIn(createServer(), token, users);
    standIn.server.on('request', (request, response) => void standIn.answer(request, response));
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  /** The next chat.postMessage answers 429, asking to wait `seconds`. */
  rateLimitNextPost(seconds: number): void {
    this.rateLimitSeconds = seconds;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = (status: number, body: object, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    const body = await readBody(request);
    if (request.headers.authorization !== `Bearer ${this.token}`)
      return reply(200, { ok: false, error: 'invalid_auth' });
    if (!body)
      return reply(200, { ok: false, error: 'invalid_arguments', detail: 'read methods take a form' });
    if (request.url === '/api/users.lookupByEmail') {
      const found = Object.entries(this.users).find(
        ([, user]) => user.email.toLowerCase() === String(body.email).toLowerCase(),
      );
      if (!found) return reply(200, { ok: false, error: 'users_not_found' });
      return reply(200, { ok: true, user: { id: found[0], name: found[1].name } });
    }
    if (request.url === '/api/users.info') {
      const user = this.users[String(body.user)];
      if (!user) return reply(200, { ok: false, error: 'user_not_found' });
      return reply(200, {
        ok: true,
        user: { id: body.user, name: user.name, profile: { real_name: user.name, email: user.email } },
      });
    }
    if (request.url !== '/api/chat.postMessage') return reply(404, { ok: false, error: 'unknown_method' });
    if (this.rateLimitSeconds > 0) {
      const seconds = this.rateLimitSeconds;
      this.rateLimitSeconds = 0;
      this.limited.push(Date.now());
      return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(seconds) });
    }
    const problem =
      typeof body.channel !== 'string' || typeof body.text !== 'string'
        ? 'channel and text are required'
        : blockProblem(body.blocks);
    if (problem) return reply(200, { ok: false, error: 'invalid_blocks', detail: problem });
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.clock).padStart(6, '0')}`;
    this.posted.push({ ...(body as unknown as PostedMessage), at: Date.now(), ts });
    return reply(200, { ok: true, channel: body.channel, ts });
  }
}
