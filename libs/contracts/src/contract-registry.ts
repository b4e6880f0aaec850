import { fieldPath, unstorableStrings } from '@hypercare/domain-kit';
import type { z } from 'zod';
import { ContractViolation, UnknownEventType } from './errors';
import { type EventContract, unversioned } from './event-contract';

/** Turns data of one stored version into the next version's shape. */
export interface Upcaster {
  from: string;
  to: string;
  upcast(data: unknown): unknown;
}

/**
 * Every contract a process knows, and the upcasters between versions of a type. Data is
 * validated against its contract before it is appended or published and after it is read;
 * old versions are upcast on read, so history is never rewritten.
 */
export class ContractRegistry {
  private readonly contracts = new Map<string, EventContract>();
  private readonly upcasters = new Map<string, Upcaster>();

  constructor(contracts: EventContract[] = [], upcasters: Upcaster[] = []) {
    contracts.forEach((contract) => this.register(contract));
    upcasters.forEach((upcaster) => this.registerUpcaster(upcaster));
  }

  register(contract: EventContract): this {
    if (this.contracts.has(contract.type)) throw new Error(`Contract ${contract.type} is registered twice`);
    this.contracts.set(contract.type, contract);
    return this;
  }

  registerUpcaster(upcaster: Upcaster): this {
    if (unversioned(upcaster.from) !== unversioned(upcaster.to)) {
      throw new Error(`Upcaster ${upcaster.from} -> ${upcaster.to} must stay within one event type`);
    }
    if (this.contractOf(upcaster.to).version <= this.contractOf(upcaster.from).version) {
      throw new Error(`Upcaster ${upcaster.from} -> ${upcaster.to} must go to a newer version`);
    }
    if (this.upcasters.has(upcaster.from)) throw new Error(`${upcaster.from} already has an upcaster`);
    this.upcasters.set(upcaster.from, upcaster);
    return this;
  }

  contractOf(type: string): EventContract {
    const contract = this.contracts.get(type);
    if (!contract) throw new UnknownEventType(type);
    return contract;
  }

  has(type: string): boolean {
    return this.contracts.has(type);
  }

  all(): EventContract[] {
    return [...this.contracts.values()];
  }

  /**
   * The data, parsed by its contract; throws ContractViolation naming every bad field, and
   * every string PostgreSQL could not store (a NUL, a lone surrogate).
   */
  validate<C extends EventContract>(type: C['type'], data: unknown): z.infer<C['schema']> {
    const result = this.contractOf(type).schema.safeParse(data);
    const issues = result.success
      ? unstorableStrings(result.data).map(({ field, message }) => ({ path: field, message }))
      : result.error.issues.map((issue) => ({ path: fieldPath(issue.path), message: issue.message }));
    if (result.success && issues.length === 0) return result.data;
    throw new ContractViolation(type, issues);
  }

  /**
   * Every type that reads as one of `types`: each of them and every older version whose
   * upcasts lead to it. What a filter on current types must ask of stored history.
   */
  storedTypesOf(types: readonly string[]): string[] {
    const wanted = new Set(types);
    const reaches = (type: string): boolean => {
      for (let current: string | undefined = type; current; current = this.upcasters.get(current)?.to)
        if (wanted.has(current)) return true;
      return false;
    };
    return [...new Set([...types, ...[...this.contracts.keys()].filter(reaches)])];
  }

  /**
   * The registry of these contracts only, with every older version that reads as one of them
   * and the upcasters between: what one service's own store holds.
   */
  only(contracts: readonly EventContract[]): ContractRegistry {
    const types = new Set(this.storedTypesOf(contracts.map(({ type }) => type)));
    return new ContractRegistry(
      [...types].map((type) => this.contractOf(type)),
      [...this.upcasters.values()].filter(({ from }) => types.has(from)),
    );
  }

  /** Brings stored data of any registered version to the newest version, validating each step. */
  upcast(type: string, data: unknown): { type: string; data: unknown } {
    let current = { type, data: this.validate(type, data) };
    for (let upcaster = this.upcasters.get(type); upcaster; upcaster = this.upcasters.get(current.type)) {
      current = { type: upcaster.to, data: this.validate(upcaster.to, upcaster.upcast(current.data)) };
    }
    return current;
  }
}
