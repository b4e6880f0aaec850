import { createHmac, randomUUID } from 'node:crypto';
import { type Answer, HttpReceiver, type ReceivedRequest } from './http-receiver';

/** An Adaptive Card as a Teams incoming webhook received it, with the people it mentions. */
export interface PostedCard {
  at: number;
  texts: string[];
  mentions: Array<{ text: string; id: string; name: string }>;
}

const ELEMENT_TYPES = new Set(['TextBlock', 'FactSet', 'ColumnSet', 'Container', 'ActionSet', 'Image']);

type Json = Record<string, unknown>;

/** What is wrong with a post, as a Teams incoming webhook would refuse it; undefined when nothing. */
const cardProblem = (post: Json): string | undefined => {
  const attachments = post.attachments as Json[] | undefined;
  if (post.type !== 'message' || !Array.isArray(attachments) || attachments.length !== 1)
    return 'a message with one attachment is expected';
  const [attachment] = attachments as [Json];
  const card = attachment.content as Json | undefined;
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive' || !card)
    return 'the attachment must be an Adaptive Card';
  if (card.type !== 'AdaptiveCard' || !/^1\.[0-6]$/.test(String(card.version)))
    return 'content must be an AdaptiveCard of version 1.0-1.6';
  const body = card.body as Json[] | undefined;
  if (!Array.isArray(body) || body.length === 0) return 'the card has no body';
  for (const element of body) {
    if (!ELEMENT_TYPES.has(String(element.type))) return `unknown element type ${String(element.type)}`;
    if (element.type === 'TextBlock' && (typeof element.text !== 'string' || element.text.length === 0))
      return 'a TextBlock needs text';
  }
  const texts = body.map((element) => String(element.text ?? ''));
  const entities = ((card.msteams as Json | undefined)?.entities as Json[] | undefined) ?? [];
  for (const entity of entities) {
    const mentioned = entity.mentioned as Json | undefined;
    if (entity.type !== 'mention' || !mentioned?.id || !mentioned.name) return 'a mention names id and name';
    if (!/^<at>[^<]+<\/at>$/.test(String(entity.text)) || !texts.some((t) => t.includes(String(entity.text))))
      return `the mention ${String(entity.text)} appears in no TextBlock`;
  }
  return undefined;
};

/**
 * A Teams channel for tests. Its incoming webhook, on a free port, checks each post as Teams
 * does (an Adaptive Card whose mentions appear in its text) and answers as Teams answers
 * (`1` on success, 400 naming the problem, 429 with Retry-After when told to); its outgoing
 * webhook signs messages as Teams signs them, with the security token Teams would show.
 */
export class TeamsStandIn {
  readonly securityToken = createHmac('sha256', randomUUID()).digest('base64');
  private limitSeconds = 0;

  private constructor(private readonly receiver: HttpReceiver) {}

  static async start(): Promise<TeamsStandIn> {
    const standIn: TeamsStandIn = new TeamsStandIn(
      await HttpReceiver.start((request) => standIn.answer(request)),
    );
    return standIn;
  }

  get incomingWebhookUrl(): string {
    return this.receiver.url('/webhookb2/hypercare/IncomingWebhook/1');
  }

  /** The cards the incoming webhook took, in order. */
  get posted(): PostedCard[] {
    return this.receiver.taken.map(({ at, body }) => {
      const card = (JSON.parse(body) as { attachments: Array<{ content: Json }> }).attachments[0]
        ?.content as Json;
      return {
        at,
        texts: (card.body as Json[]).map((element) => String(element.text ?? '')),
        mentions: (((card.msteams as Json).entities as Json[]) ?? []).map((entity) => ({
          text: String(entity.text),
          ...(entity.mentioned as { id: string; name: string }),
        })),
      };
    });
  }

  /** Every post refused, and when (a 429 among them). */
  get refused(): ReceivedRequest[] {
    return this.receiver.refused;
  }

  /** The next post answers 429, asking to wait `seconds`. */
  rateLimitNextPost(seconds: number): void {
    this.limitSeconds = seconds;
  }

  /** A message of the outgoing webhook as Teams posts it: its activity, and its HMAC header. */
  outgoing(
    activity: {
      id: string;
      text: string;
      conversationId: string;
      from: { name: string; aadObjectId: string };
    },
    { timestamp = new Date(), token = this.securityToken } = {},
  ): { body: string; headers: Record<string, string> } {
    const body = JSON.stringify({
      type: 'message',
      id: activity.id,
      timestamp: timestamp.toISOString(),
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      from: { id: `29:${activity.from.aadObjectId}`, ...activity.from },
      conversation: { id: activity.conversationId, isGroup: true, conversationType: 'channel' },
      textFormat: 'plain',
      text: activity.text,
      channelData: { teamsChannelId: activity.conversationId.split(';')[0] },
    });
    const signature = createHmac('sha256', Buffer.from(token, 'base64')).update(body).digest('base64');
    return { body, headers: { 'content-type': 'application/json', authorization: `HMAC ${signature}` } };
  }

  stop(): Promise<void> {
    return this.receiver.stop();
  }

  private answer(request: ReceivedRequest): Answer {
    if (this.limitSeconds > 0) {
      const seconds = this.limitSeconds;
      this.limitSeconds = 0;
      return { status: 429, headers: { 'retry-after': String(seconds) } };
    }
    let problem: string | undefined;
    try {
      problem = cardProblem(JSON.parse(request.body) as Json);
    } catch {
      problem = 'the body is not JSON';
    }
    if (problem) return { status: 400, body: `Webhook message delivery failed with error: ${problem}` };
    return { status: 200, body: '1' };
  }
}
