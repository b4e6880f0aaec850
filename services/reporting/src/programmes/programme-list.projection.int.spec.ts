import { describeProjection } from '@hypercare/projections/testing';
import { ReportingProgrammes1765000002000 } from '../database/reporting-programmes.migration';
import { ReportingReceived1764400002000 } from '../database/reporting-received.migration';
import { ReportingSchema1700000000001 } from '../database/reporting-schema.migration';
import { programmeListProjection } from './programme-list.projection';

const FIN = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const HR = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e';
const rows =
  'select programme_id, name, description, legacy, version from reporting.programmes order by name';
const migrations = [
  ReportingSchema1700000000001,
  ReportingReceived1764400002000,
  ReportingProgrammes1765000002000,
];

const created = (programmeId: string, name: string, legacy?: boolean) => ({
  type: 'hypercare.programme.created.v1' as const,
  data: { programmeId, name, ...(legacy ? { legacy } : {}) },
});

describeProjection(
  'the programme list',
  programmeListProjection,
  { schema: 'reporting', migrations },
  (spec) => {
    it('lists each programme created, saying which the migration made', () =>
      spec()
        .given()
        .when(created(FIN, 'Finance'), created(HR, 'HR', true))
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            { programme_id: FIN, name: 'Finance', description: null, legacy: false, version: 0 },
            { programme_id: HR, name: 'HR', description: null, legacy: true, version: 0 },
          ]),
        ));

    it('takes the new name and description, keeping what it was made by', () =>
      spec()
        .given(created(HR, 'HR', true))
        .when({
          type: 'hypercare.programme.renamed.v1',
          data: { programmeId: HR, name: 'People', description: 'Payroll and HR' },
        })
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            { programme_id: HR, name: 'People', description: 'Payroll and HR', legacy: true, version: 1 },
          ]),
        ));

    it('ignores a rename of a programme it never saw created', () =>
      spec()
        .given()
        .when({ type: 'hypercare.programme.renamed.v1', data: { programmeId: FIN, name: 'Finance' } })
        .then(async (sql) => expect(await sql.query(rows)).toEqual([])));
  },
);
