import type { ContractRegistry } from '@hypercare/contracts';
import type { AppendOptions, AppendResult, EventStore, NewEvent } from '@hypercare/event-store';

type Append = (stream: string, events: NewEvent[], options?: AppendOptions) => Promise<AppendResult>;

/**
 * The store as services write to it: every event whose type has a contract is validated
 * (ContractViolation names each bad field) and stored in its parsed form before anything is
 * appended, so an event that breaks its schema never enters the history, let alone Kafka.
 * Appends inside `transaction(tx => tx.append(...))` are checked the same way. Types without
 * a contract are the service's internal events and pass unchanged.
 */
export const validatingEventStore = <S extends EventStore>(store: S, contracts: ContractRegistry): S => {
  const validated =
    (append: Append): Append =>
    async (stream, events, options) =>
      append(stream, events.map((event) => (contracts.has(event.type) ? { ...event, data: contracts.validate(event.type, event.data) } : event)), options);
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'append') return validated(value.bind(target) as Append);
      if (property === 'transaction') {
        return <T>(work: (tx: { append: Append }) => Promise<T>) =>
          (value as (work: (tx: { append: Append }) => Promise<T>) => Promise<T>).call(target, (tx) => work({ ...tx, append: validated(tx.append) }));
      }
      return value.bind(target);
    },
  });
};
