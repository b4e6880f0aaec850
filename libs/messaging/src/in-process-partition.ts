import type { WireMessage } from './integration-event';

/** Below this many forgettable messages a partition keeps them: dropping a few at a time costs more than it frees. */
const FORGET_AT_LEAST = 256;

/**
 * One partition of an in-process topic: its messages at offsets that never change, of which
 * the oldest can be forgotten once handled, as Kafka's retention deletes old segments. A
 * reader before the earliest kept offset gets the earliest kept message, like a Kafka group
 * reset to `earliest`.
 */
export class PartitionLog {
  private base = 0;
  private readonly messages: WireMessage[] = [];
  /** When each message arrived (monotonic milliseconds), in offset order. */
  private readonly arrived: number[] = [];

  /** The offset the next message gets. */
  get end(): number {
    return this.base + this.messages.length;
  }

  append(message: WireMessage, now: number): void {
    this.messages.push(message);
    this.arrived.push(now);
  }

  /** Up to `count` messages from `offset` on (from the earliest kept one when it was forgotten). */
  slice(offset: number, count: number): { offset: number; messages: WireMessage[] } {
    const kept = Math.max(offset, this.base);
    return { offset: kept, messages: this.messages.slice(kept - this.base, kept - this.base + count) };
  }

  /** Whether messages below `handledUpTo` are enough to be worth forgetting. */
  mayForget(handledUpTo: number): boolean {
    return Math.min(handledUpTo - this.base, this.messages.length) >= FORGET_AT_LEAST;
  }

  /** Forgets the messages below `handledUpTo` that arrived before `arrivedBefore`. */
  forget(handledUpTo: number, arrivedBefore: number): void {
    if (!this.mayForget(handledUpTo)) return;
    let count = Math.min(handledUpTo - this.base, this.messages.length);
    let [low, high] = [0, count];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.arrived[middle] as number) < arrivedBefore) low = middle + 1;
      else high = middle;
    }
    count = low;
    if (count < FORGET_AT_LEAST) return;
    this.messages.splice(0, count);
    this.arrived.splice(0, count);
    this.base += count;
  }
}
