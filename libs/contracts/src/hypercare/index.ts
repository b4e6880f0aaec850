import { ContractRegistry } from '../contract-registry';
import { periodContracts } from './period-events';
import { reportContracts } from './report-events';
import { ticketContracts } from './ticket-events';

export * from './period-events';
export * from './period-policy';
export * from './report-events';
export * from './ticket-events';
export * from './vocabulary';
export * from './workflow';

/** Every integration event the platform publishes, for validation, relays and the AsyncAPI document. */
export const hypercareContracts = (): ContractRegistry =>
  new ContractRegistry([...periodContracts, ...reportContracts, ...ticketContracts]);
