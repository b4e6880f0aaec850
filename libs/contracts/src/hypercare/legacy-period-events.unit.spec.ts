import { hypercareContracts, legacyProgrammeId } from '..';
import { periodDefinition } from '../testing';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const v1 = (programme: string) => ({ periodId: PERIOD, programme, ...periodDefinition() });

describe('periods planned when the programme was free text', () => {
  const contracts = hypercareContracts();

  it('read as planned in the programme made from the name, the same one every time', () => {
    const { type, data } = contracts.upcast('hypercare.period.planned.v1', v1('Finance transformation'));
    expect(type).toBe('hypercare.period.planned.v2');
    expect(data).toEqual({
      periodId: PERIOD,
      programmeId: legacyProgrammeId('Finance transformation'),
      ...periodDefinition(),
    });
    expect(legacyProgrammeId('Finance transformation')).toBe(legacyProgrammeId('Finance transformation'));
    expect(legacyProgrammeId('Finance transformation')).not.toBe(legacyProgrammeId('HR'));
  });

  it('read their reconfigurations without the name, which stays with the plan', () => {
    expect(contracts.upcast('hypercare.period.reconfigured.v1', v1('Renamed'))).toEqual({
      type: 'hypercare.period.reconfigured.v2',
      data: { periodId: PERIOD, ...periodDefinition() },
    });
  });

  it('are found by a reader asking for the current types', () => {
    expect(contracts.storedTypesOf(['hypercare.period.planned.v2'])).toEqual([
      'hypercare.period.planned.v2',
      'hypercare.period.planned.v1',
    ]);
  });
});
