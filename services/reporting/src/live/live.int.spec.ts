import { PERIODS_TOPIC, TICKETS_TOPIC } from '@hypercare/contracts';
import { periodEvents } from '@hypercare/contracts/testing';
import { ReadModel } from '@hypercare/runtime';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually } from '@hypercare/testing';
import { randomUUID } from 'node:crypto';
import { publishTestProgramme, reportedTicket, startReporting } from '../reporting-app.fixture';

interface Message {
  id?: string;
  event?: string;
  data?: string;
}

/** A reader of a period's live stream, as a browser's EventSource would read it. */
class LiveReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly status: number,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, key: string, lastEventId?: string): Promise<LiveReader> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: { 'x-api-key': key, ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }) },
      signal: abort.signal,
    });
    return new LiveReader(response.status, response.body?.getReader(), abort);
  }

  /** The next message that is an event (not the retry advice, not a comment). */
  async next(): Promise<Message> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const message: Message = {};
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ');
          if (field === 'id' || field === 'event' || field === 'data') message[field] = rest.join(': ');
        }
        if (message.event) return message;
        continue;
      }
      const chunk = await this.reader?.read();
      if (!chunk || chunk.done) throw new Error('the stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  close(): void {
    this.abort.abort();
  }
}

describeWith('postgres')("a period's live stream", () => {
  let reporting: ServiceUnderTest;
  let base: string;
  const readers: LiveReader[] = [];
  const [A, B] = [randomUUID(), randomUUID()];

  const open = async (periodId: string, lastEventId?: string) => {
    const reader = await LiveReader.open(`${base}/periods/${periodId}/live`, reporting.adminKey, lastEventId);
    readers.push(reader);
    return reader;
  };
  const head = async () => {
    const readModel = reporting.app.get(ReadModel);
    await readModel.caughtUp();
    return readModel.receivedPosition();
  };
  const ticketShown = (ticketId: string) =>
    eventually(`ticket ${ticketId} on the board`, async () => {
      const answer = await fetch(`${base}/tickets/${ticketId}`, {
        headers: { 'x-api-key': reporting.adminKey },
      });
      return answer.status === 200;
    });
  const openTicket = (periodId: string) => {
    const ticketId = randomUUID();
    return {
      ticketId,
      publish: () =>
        reporting.publish(TICKETS_TOPIC, 'triage', {
          ...reportedTicket(ticketId, periodId, '2026-11-03T09:00:00.000Z'),
          context: { periodId },
        }),
    };
  };

  beforeAll(async () => {
    reporting = await startReporting('reporting_live', new Date('2026-11-03T10:00:00.000Z'));
    base = await reporting.app.getUrl();
    await publishTestProgramme(reporting);
    for (const periodId of [A, B]) {
      const period = periodEvents(periodId);
      await reporting.publish(
        PERIODS_TOPIC,
        'triage',
        { ...period.planned(), subject: periodId, context: { periodId } },
        { ...period.activated(), subject: periodId, context: { periodId } },
      );
    }
    for (const periodId of [A, B])
      await eventually(`period ${periodId} known`, async () => {
        const answer = await fetch(`${base}/periods/${periodId}`, {
          headers: { 'x-api-key': reporting.adminKey },
        });
        return answer.status === 200;
      });
  });

  afterEach(() => readers.splice(0).forEach((reader) => reader.close()));
  afterAll(() => reporting?.stop());

  it("tells a reader each change of its period as it is committed, and nothing of another period's", async () => {
    await head();
    const live = await open(A);
    expect(live.status).toBe(200);
    const elsewhere = openTicket(B);
    await elsewhere.publish();
    await ticketShown(elsewhere.ticketId);
    const before = await head();

    const here = openTicket(A);
    await here.publish();
    const message = await live.next();
    expect(message.event).toBe('changed');
    expect(Number(message.id)).toBeGreaterThan(before);
    expect(JSON.parse(message.data as string)).toEqual({
      projection: expect.any(String),
      position: Number(message.id),
      periodIds: [A],
    });
  });

  it('answers a reader reconnecting after a change at once, and one that missed nothing only at the next change', async () => {
    const caughtUp = await head();
    const behind = await open(A, '0');
    expect(Number((await behind.next()).id)).toBeGreaterThanOrEqual(caughtUp);

    const current = await open(A, String(caughtUp));
    const next = openTicket(A);
    await next.publish();
    expect(Number((await current.next()).id)).toBeGreaterThan(caughtUp);
  });

  it('refuses an unknown period (404) and a reader without a key (401)', async () => {
    expect((await open(randomUUID())).status).toBe(404);
    const anonymous = await fetch(`${base}/periods/${A}/live`);
    expect(anonymous.status).toBe(401);
  });
});
