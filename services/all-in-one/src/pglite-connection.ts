import { Duplex } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';

/** The startup message's protocol field: version 3.0 (an SSL or cancel request has another). */
const PROTOCOL_3_0 = 196_608;

/** A simple Query message ('Q'), for the clean-up a new connection starts with. */
const simpleQuery = (sql: string): Uint8Array => {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
};
const FRESH_SESSION = [simpleQuery('rollback'), simpleQuery('deallocate all')];

/**
 * A connection to the PGlite of this process as `pg` sees a socket: what it writes are
 * PostgreSQL protocol messages, handed to PGlite as they come (every whole message of a write
 * in one turn of the database), and their answers come back in one chunk. No kernel socket lies
 * between them: on a 2-core VM the loopback round trips of a statement cost about as much as
 * the statement (measured: 3,800 against 2,000 sequential INSERTs a second).
 *
 * PGlite has one session, whatever the connections: a new connection starts by rolling back
 * what the last one left open and forgetting the statements it prepared, as a new server
 * session would. Use one connection at a time (a pool of one).
 */
export class PgliteConnection extends Duplex {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly db: PGlite) {
    super();
  }

  // pg drives its stream as a net.Socket: these have nothing to do here.
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }

  override _read(): void {
    // Answers are pushed as PGlite gives them; there is nothing to pull.
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const opening = !this.started;
    let messages: Buffer[];
    try {
      messages = this.wholeMessages(chunk);
    } catch (error) {
      return done(error as Error);
    }
    if (messages.length === 0) return done();
    const fresh = opening && this.started;
    this.db
      .runExclusive(() => this.exchange(messages, fresh))
      .then((answer) => {
        if (answer.length && !this.destroyed) this.push(answer);
        done();
      }, done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.push(null);
    done();
  }

  /** The messages `chunk` completes; a message's tail may come in a later write. */
  private wholeMessages(chunk: Buffer): Buffer[] {
    const buffer = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const messages: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const length = this.lengthAt(buffer, offset);
      if (length === undefined || buffer.length - offset < length) break;
      messages.push(buffer.subarray(offset, offset + length));
      offset += length;
      this.started = true;
    }
    this.pending = buffer.subarray(offset);
    return messages;
  }

  /** The length of the message at `offset`, type byte included; the startup message has none. */
  private lengthAt(buffer: Buffer, offset: number): number | undefined {
    if (this.started) return buffer.length - offset >= 5 ? 1 + buffer.readInt32BE(offset + 1) : undefined;
    if (buffer.length - offset < 8) return undefined;
    if (buffer.readInt32BE(offset + 4) !== PROTOCOL_3_0)
      throw new Error('the embedded database takes protocol 3.0 startups only (no SSL, no cancel requests)');
    return buffer.readInt32BE(offset);
  }

  /** PGlite's answers to `messages`; `fresh`, they open the connection with its startup message. */
  private async exchange(messages: readonly Buffer[], fresh: boolean): Promise<Buffer> {
    if (fresh)
      for (const cleanUp of FRESH_SESSION)
        await this.db.execProtocolRawStream(cleanUp, { onRawData: () => undefined });
    const answers: Buffer[] = [];
    // Copied: what PGlite hands over may be a view of its own memory.
    const keep = (data: Uint8Array): void => void answers.push(Buffer.from(data));
    for (const message of messages) await this.db.execProtocolRawStream(message, { onRawData: keep });
    return Buffer.concat(answers);
  }
}
