import { ForbiddenException } from '@nestjs/common';
import { placeFor, type Principal, reportsOnlyAsSelf, type ResourcePlaces } from '@hypercare/auth';

/** Refuses (403) a reporter who reports, or withdraws a report, in someone else's name. */
export const checkReportingAsSelf = async (
  places: ResourcePlaces,
  principal: Principal,
  periodId: string,
  reporterEmail: string,
): Promise<void> => {
  const self = principal.email?.toLowerCase();
  const period = await placeFor(places, principal, { periodId });
  if (reportsOnlyAsSelf(principal, period) && reporterEmail.toLowerCase() !== self)
    throw new ForbiddenException(
      self
        ? `A reporter reports as themselves: reporter.email must be ${principal.email}`
        : 'A reporter reports as themselves, and the credentials name no email',
    );
};
