import { grantsByProgramme, type ResourcePlace } from './policy';
import type { Principal } from './principal';

/** How a service finds where its tickets, reports and periods live, so the policy can be applied before a command runs. */
export interface ResourcePlaces {
  ticket?: (id: string) => Promise<ResourcePlace | undefined>;
  report?: (id: string) => Promise<ResourcePlace | undefined>;
  /** The programme a period belongs to; without it, programme grants reach none of the service's periods. */
  programmeOf?: (periodId: string) => Promise<string | undefined>;
}

export const RESOURCE_PLACES = Symbol('RESOURCE_PLACES');

/**
 * A period's programme, remembered once found: a period never moves to another programme, so
 * the lookup is paid once per period and process. Unknown periods are asked again.
 */
export const rememberingProgrammes = (
  lookup: (periodId: string) => Promise<string | undefined>,
): ((periodId: string) => Promise<string | undefined>) => {
  const known = new Map<string, string>();
  return async (periodId) => {
    const remembered = known.get(periodId);
    if (remembered) return remembered;
    const programmeId = await lookup(periodId);
    if (programmeId) known.set(periodId, programmeId);
    return programmeId;
  };
};

/** The place with its period's programme, looked up only when the principal holds a programme grant. */
export const placeFor = async (
  places: ResourcePlaces,
  principal: Principal,
  place: ResourcePlace,
): Promise<ResourcePlace> => {
  if (place.programmeId || !place.periodId || !places.programmeOf || !grantsByProgramme(principal))
    return place;
  const programmeId = await places.programmeOf(place.periodId);
  return programmeId ? { ...place, programmeId } : place;
};
