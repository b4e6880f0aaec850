import { IllegalTransition } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import { programmeDecider, type ProgrammeEvent } from './programme.decider';

const PROGRAMME_ID = '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7';
const created: ProgrammeEvent = {
  type: 'hypercare.programme.created.v1',
  data: { programmeId: PROGRAMME_ID, name: 'Finance transformation' },
};
const spec = given(programmeDecider);

describe('Programme', () => {
  it('is created with its name and description', () => {
    spec()
      .when({
        kind: 'create',
        programmeId: PROGRAMME_ID,
        profile: { name: 'Finance transformation', description: 'Ledger and payroll go-lives' },
      })
      .then([
        {
          type: 'hypercare.programme.created.v1',
          data: {
            programmeId: PROGRAMME_ID,
            name: 'Finance transformation',
            description: 'Ledger and payroll go-lives',
          },
        },
      ]);
  });

  it('says when the migration made it from a free-text name', () => {
    spec()
      .when({ kind: 'create', programmeId: PROGRAMME_ID, profile: { name: 'Legacy' }, legacy: true })
      .then([
        {
          type: 'hypercare.programme.created.v1',
          data: { programmeId: PROGRAMME_ID, name: 'Legacy', legacy: true },
        },
      ]);
  });

  it('is renamed', () => {
    spec(created)
      .when({ kind: 'rename', profile: { name: 'Finance' } })
      .then([
        { type: 'hypercare.programme.renamed.v1', data: { programmeId: PROGRAMME_ID, name: 'Finance' } },
      ]);
  });

  it('records a new description under the same name', () => {
    spec(created)
      .when({ kind: 'rename', profile: { name: 'Finance transformation', description: 'Now with payroll' } })
      .then([
        {
          type: 'hypercare.programme.renamed.v1',
          data: {
            programmeId: PROGRAMME_ID,
            name: 'Finance transformation',
            description: 'Now with payroll',
          },
        },
      ]);
  });

  it('records nothing when renamed to what it is already called', () => {
    spec(created, {
      type: 'hypercare.programme.renamed.v1',
      data: { programmeId: PROGRAMME_ID, name: 'Finance', description: 'Ledger' },
    })
      .when({ kind: 'rename', profile: { name: 'Finance', description: 'Ledger' } })
      .then([]);
  });

  it('cannot be created twice', () => {
    spec(created)
      .when({ kind: 'create', programmeId: PROGRAMME_ID, profile: { name: 'Again' } })
      .thenThrows(
        (error) =>
          error instanceof IllegalTransition &&
          error.kind === 'programme' &&
          error.allowed.includes('rename'),
      );
  });

  it('remembers whether the migration made it, and its name as last given', () => {
    const { evolve, initialState } = programmeDecider;
    const legacy = evolve(initialState, {
      type: 'hypercare.programme.created.v1',
      data: { programmeId: PROGRAMME_ID, name: 'Old', legacy: true },
    });
    expect(legacy).toMatchObject({ status: 'created', legacy: true });
    expect(evolve(initialState, created)).toMatchObject({ legacy: false });
    expect(
      evolve(legacy, {
        type: 'hypercare.programme.renamed.v1',
        data: { programmeId: PROGRAMME_ID, name: 'New' },
      }),
    ).toMatchObject({ legacy: true, profile: { name: 'New' } });
  });

  it('is not brought into being by a rename', () => {
    expect(
      programmeDecider.evolve(programmeDecider.initialState, {
        type: 'hypercare.programme.renamed.v1',
        data: { programmeId: PROGRAMME_ID, name: 'Nothing' },
      }),
    ).toEqual({ status: 'none' });
  });

  it('cannot be renamed before it exists', () => {
    spec()
      .when({ kind: 'rename', profile: { name: 'Nothing' } })
      .thenThrows((error) => error instanceof IllegalTransition && error.currentState === 'none');
  });
});
