import { alertContracts, unversioned } from '@hypercare/contracts';
import { documentProjection, entityTable } from '@hypercare/projections';
import { AlertFact } from './alert-fact.entity';

/** The alert events a period's dashboard counts, one row each (`hypercare.alert.raised.v1` is `raised`). */
export const alertFactsProjection = documentProjection({
  name: 'alert-facts',
  contracts: alertContracts,
  documents: entityTable(AlertFact, 'eventId'),
  keyOf: (event) => event.id,
  evolve: (_: AlertFact | undefined, event): AlertFact => {
    const fact = {
      eventId: event.id,
      alertId: event.data.alertId,
      periodId: event.data.periodId,
      kind: unversioned(event.type).replace('hypercare.alert.', ''),
      source: null,
      severity: null,
      ticketId: null,
      raisedAt: null,
      notifications: null,
    };
    switch (event.type) {
      case 'hypercare.alert.raised.v1':
        return {
          ...fact,
          at: new Date(event.data.raisedAt),
          source: event.data.source,
          severity: event.data.severity,
        };
      case 'hypercare.alert.resolved.v1':
        return {
          ...fact,
          at: new Date(event.data.resolvedAt),
          ticketId: event.data.ticketId ?? null,
          notifications: event.data.notifications,
        };
      case 'hypercare.alert.ticket-requested.v1':
        return {
          ...fact,
          at: new Date(event.data.requestedAt),
          ticketId: event.data.ticketId,
          raisedAt: new Date(event.data.raisedAt),
        };
      case 'hypercare.alert.linked.v1':
        return { ...fact, at: new Date(event.data.linkedAt), ticketId: event.data.ticketId };
      case 'hypercare.alert.flapping.v1':
        return { ...fact, at: new Date(event.data.detectedAt) };
    }
  },
});
