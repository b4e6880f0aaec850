import type { ContractRegistry, EventContract, EventOf } from '@hypercare/contracts';
import type { SqlExecutor } from '@hypercare/event-store';
import type { InboxConsumerOptions } from './inbox';
import type { IntegrationEvent } from './integration-event';
import type { ConsumerOptions, Delivery } from './message-bus.port';

/** An integration event of one of the contracts `C`, at its current version, typed by its contract. */
export type ContractedIntegrationEvent<C extends EventContract> = Omit<IntegrationEvent, 'type' | 'data'> & EventOf<C>;

interface ContractedSubscription<C extends EventContract> {
  /** The events the consumer handles, at their current version; their topics are the ones it reads. */
  contracts: readonly C[];
}

/** A consumer that names the contracts it handles instead of topics, and gets those events typed. */
export interface ContractedConsumerOptions<C extends EventContract> extends Omit<ConsumerOptions, 'topics' | 'handle'>, ContractedSubscription<C> {
  handle(event: ContractedIntegrationEvent<C>, delivery: Delivery): Promise<void>;
}

/** The same through the inbox: the handler's effects commit with the processed id in `tx`. */
export interface ContractedInboxConsumerOptions<C extends EventContract> extends Omit<InboxConsumerOptions, 'topics' | 'handle'>, ContractedSubscription<C> {
  handle(event: ContractedIntegrationEvent<C>, tx: SqlExecutor, delivery: Delivery): Promise<void>;
}

/**
 * Validates on consume, as the store does on produce: each message is upcast to its current
 * contract version (a violation throws, so the message is retried and then dead-lettered)
 * and handed over only when it is one of the consumer's contracts. Types the process has no
 * contract for (a newer publisher's) and other events on the same topics are skipped.
 */
const deliverContracted =
  <C extends EventContract, Rest extends unknown[]>(registry: ContractRegistry, contracts: readonly C[], handle: (event: ContractedIntegrationEvent<C>, ...rest: Rest) => Promise<void>) =>
  async (event: IntegrationEvent, ...rest: Rest): Promise<void> => {
    if (!registry.has(event.type)) return;
    const current = registry.upcast(event.type, event.data);
    if (!contracts.some(({ type }) => type === current.type)) return;
    await handle({ ...event, ...current } as ContractedIntegrationEvent<C>, ...rest);
  };

const topicsOf = (contracts: readonly EventContract[]): string[] => {
  if (contracts.length === 0) throw new Error('a consumer must name at least one contract');
  return [...new Set(contracts.map(({ topic }) => topic))];
};

/** The bus consumer for a contracted one. */
export const contractedConsumer = <C extends EventContract>(registry: ContractRegistry, { contracts, handle, ...rest }: ContractedConsumerOptions<C>): ConsumerOptions => ({
  ...rest,
  topics: topicsOf(contracts),
  handle: deliverContracted(registry, contracts, handle),
});

/** The inbox consumer for a contracted one. */
export const contractedInboxConsumer = <C extends EventContract>(
  registry: ContractRegistry,
  { contracts, handle, ...rest }: ContractedInboxConsumerOptions<C>,
): InboxConsumerOptions => ({
  ...rest,
  topics: topicsOf(contracts),
  handle: deliverContracted(registry, contracts, handle),
});
