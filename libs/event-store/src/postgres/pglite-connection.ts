import { Duplex } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import type { PoolConfig } from 'pg';

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

/** The messages a write completes: the startup message, when it is this one, and those after it, side by side. */
interface WholeMessages {
  startup?: Buffer;
  messages: Buffer;
}

/**
 * A connection to the PGlite of this process as `pg` sees a socket: what it writes are
 * PostgreSQL protocol messages, handed to PGlite as they come (every whole message of a write
 * in one call), and their answers come back in one chunk. No kernel socket lies between them:
 * on a 2-core VM its round trips cost more than the statements (measured, sequential
 * statements through `pg`: 7,100 INSERTs a second against 2,000 through pglite-socket).
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
    let whole: WholeMessages;
    try {
      whole = this.wholeMessages(chunk);
    } catch (error) {
      return done(error as Error);
    }
    this.answer(whole).then((answer) => {
      if (answer.length && !this.destroyed) this.push(answer);
      done();
    }, done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.push(null);
    done();
  }

  /** What `chunk` completes; a message's tail may come in a later write. */
  private wholeMessages(chunk: Buffer): WholeMessages {
    const buffer = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let offset = 0;
    let startup: Buffer | undefined;
    if (!this.started) {
      const length = this.startupLength(buffer);
      if (length === undefined || buffer.length < length) {
        this.pending = buffer;
        return { messages: buffer.subarray(0, 0) };
      }
      startup = buffer.subarray(0, length);
      this.started = true;
      offset = length;
    }
    const first = offset;
    while (buffer.length - offset >= 5) {
      const length = 1 + buffer.readInt32BE(offset + 1);
      if (length < 5)
        throw new Error(
          `a message of type ${String.fromCharCode(buffer[offset] as number)} gives its length as ${length - 1}: at least 4`,
        );
      if (buffer.length - offset < length) break;
      offset += length;
    }
    this.pending = buffer.subarray(offset);
    return { startup, messages: buffer.subarray(first, offset) };
  }

  /** The whole length of the startup message, once its first 8 bytes are here. */
  private startupLength(buffer: Buffer): number | undefined {
    if (buffer.length < 8) return undefined;
    if (buffer.readInt32BE(4) !== PROTOCOL_3_0)
      throw new Error('the embedded database takes protocol 3.0 startups only (no SSL, no cancel requests)');
    return buffer.readInt32BE(0);
  }

  /**
   * PGlite's answers, from one call for all the messages. Without PGlite's sync of its files
   * after each: in Node (a folder, or memory) it keeps nothing to sync, PostgreSQL writing the
   * files itself, and the mutex it takes for it would cost more than the statements. A startup goes alone,
   * after the clean-up of the session the last connection left.
   */
  private async answer({ startup, messages }: WholeMessages): Promise<Buffer> {
    const answers: Buffer[] = [];
    // Copied: what PGlite hands over is a view of its own memory.
    const keep = (data: Uint8Array): void => void answers.push(Buffer.from(data));
    const send = (bytes: Uint8Array, onRawData = keep) =>
      this.db.execProtocolRawStream(bytes, { syncToFs: false, onRawData });
    if (startup) {
      for (const cleanUp of FRESH_SESSION) await send(cleanUp, () => undefined);
      await send(startup);
    }
    if (messages.length) await send(messages);
    return Buffer.concat(answers);
  }
}

/** A `pg` pool's settings for connections to `db` in this process: one at a time, PGlite having one session. */
export const pglitePoolConfig = (db: PGlite): PoolConfig => ({
  user: 'postgres',
  database: 'postgres',
  max: 1,
  stream: () => new PgliteConnection(db),
});
