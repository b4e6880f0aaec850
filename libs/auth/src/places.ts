import type { ResourcePlace } from './policy';

/** How a service finds where its tickets and reports live, so the policy can be applied before a command runs. */
export interface ResourcePlaces {
  ticket?: (id: string) => Promise<ResourcePlace | undefined>;
  report?: (id: string) => Promise<ResourcePlace | undefined>;
}

export const RESOURCE_PLACES = Symbol('RESOURCE_PLACES');
