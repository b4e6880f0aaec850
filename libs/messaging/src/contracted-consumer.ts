import type { ContractRegistry, EventContract, EventOf } from '@hypercare/contracts';
import type { IntegrationEvent } from './integration-event';
import type { ConsumerOptions, Delivery } from './message-bus.port';

/** An integration event of one of the contracts `C`, at its current version, typed by its contract. */
export type ContractedIntegrationEvent<C extends EventContract> = Omit<IntegrationEvent, 'type' | 'data'> &
  EventOf<C>;

/** A consumer that names the contracts it handles instead of topics, and gets those events typed. */
export interface ContractedConsumerOptions<C extends EventContract> extends Omit<
  ConsumerOptions,
  'topics' | 'handle' | 'handleBatch'
> {
  /** The events the consumer handles, at their current version; their topics are the ones it reads. */
  contracts: readonly C[];
  handle(event: ContractedIntegrationEvent<C>, delivery: Delivery): Promise<void>;
  /** Several waiting events in one call (see `ConsumerOptions.handleBatch`), only those of its contracts. */
  handleBatch?(events: ReadonlyArray<ContractedIntegrationEvent<C>>): Promise<void>;
}

/**
 * The bus consumer for a contracted one. It validates on consume, as the store does on produce: each message is upcast to its current
 * contract version (a violation throws, so the message is retried and then dead-lettered)
 * and handed over only when it is one of the consumer's contracts. Types the process has no
 * contract for (a newer publisher's) and other events on the same topics are skipped.
 */
export const contractedConsumer = <C extends EventContract>(
  registry: ContractRegistry,
  { contracts, handle, handleBatch, ...rest }: ContractedConsumerOptions<C>,
): ConsumerOptions => {
  if (contracts.length === 0) throw new Error('a consumer must name at least one contract');
  const wanted = new Set<string>(contracts.map(({ type }) => type));
  const contracted = (event: IntegrationEvent): ContractedIntegrationEvent<C> | undefined => {
    if (!registry.has(event.type)) return undefined;
    const current = registry.upcast(event.type, event.data);
    return wanted.has(current.type) ? ({ ...event, ...current } as ContractedIntegrationEvent<C>) : undefined;
  };
  return {
    ...rest,
    topics: [...new Set(contracts.map(({ topic }) => topic))],
    handle: async (event: IntegrationEvent, delivery: Delivery): Promise<void> => {
      const typed = contracted(event);
      if (typed) await handle(typed, delivery);
    },
    ...(handleBatch && {
      handleBatch: async (messages) => {
        const typed = messages.flatMap(({ event }) => contracted(event) ?? []);
        if (typed.length) await handleBatch(typed);
      },
    }),
  };
};
