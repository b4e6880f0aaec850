import type { z } from 'zod';

/** `hypercare.<aggregate>.<event>.v<N>`: the one naming rule for integration event types. */
export const EVENT_TYPE_PATTERN = /^hypercare\.([a-z][a-z-]*)\.([a-z][a-z-]*)\.v([1-9][0-9]*)$/;

/**
 * The contract of one integration event type: its schema is the single source of its
 * TypeScript type, its runtime validation and its entry in the AsyncAPI document.
 */
export interface EventContract<Type extends string = string, Schema extends z.ZodTypeAny = z.ZodTypeAny> {
  readonly type: Type;
  readonly aggregate: string;
  readonly version: number;
  /** The Kafka topic its aggregate family is published on, e.g. `hypercare.tickets.v1`. */
  readonly topic: string;
  readonly summary: string;
  readonly schema: Schema;
  /** Values its documented example must take where the schema alone cannot give one (a pattern). */
  readonly example?: Partial<z.infer<Schema>>;
}

/** The data type a contract's schema describes. */
export type EventData<C extends EventContract> = z.infer<C['schema']>;

/**
 * The events a union of contracts describes, discriminated by `type`: an aggregate's event
 * type is `EventOf<(typeof ticketContracts)[number]>`, never a second list beside the contracts.
 */
export type EventOf<C extends EventContract> =
  C extends EventContract<infer Type, infer Schema> ? { type: Type; data: z.infer<Schema> } : never;

/** Declares a contract, checking the type name against the naming rule. */
export const defineEvent = <Type extends string, Schema extends z.ZodTypeAny>(definition: {
  type: Type;
  topic: string;
  summary: string;
  schema: Schema;
  example?: Partial<z.infer<Schema>>;
}): EventContract<Type, Schema> => {
  const match = EVENT_TYPE_PATTERN.exec(definition.type);
  if (!match)
    throw new Error(`Event type "${definition.type}" must look like hypercare.<aggregate>.<event>.v<N>`);
  return Object.freeze({ ...definition, aggregate: match[1] as string, version: Number(match[3]) });
};

/** The type name without its version: `hypercare.ticket.opened` for `hypercare.ticket.opened.v2`. */
export const unversioned = (type: string): string => type.replace(/\.v[0-9]+$/, '');
