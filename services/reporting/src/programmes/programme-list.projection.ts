import { programmeContracts } from '@hypercare/contracts';
import { documentProjection, entityTable } from '@hypercare/projections';
import { ProgrammeView } from './programme-view.entity';
import { streamVersionAfter } from '../projections/stream-version';

/** Every programme with its current name: what the overview groups periods by. */
export const programmeListProjection = documentProjection({
  name: 'programme-list',
  contracts: programmeContracts,
  documents: entityTable(ProgrammeView, 'programmeId'),
  keyOf: (event) => event.data.programmeId,
  evolve: (existing: ProgrammeView | undefined, event): ProgrammeView | undefined => {
    const version = streamVersionAfter(event, existing);
    const { programmeId, name, description } = event.data;
    if (event.type === 'hypercare.programme.created.v1')
      return {
        programmeId,
        name,
        description: description ?? null,
        legacy: event.data.legacy ?? false,
        version,
      };
    return existing && { ...existing, name, description: description ?? null, version };
  },
});
