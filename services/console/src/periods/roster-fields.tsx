import type { RosterMember } from '../api/types';

/** The period's people: a role, a name and an email each; intake's and triage's messages beside them. */
export const RosterFields = ({
  roster,
  roles,
  errorOf,
  onChange,
}: {
  roster: RosterMember[];
  roles: string[];
  errorOf(field: string): string | undefined;
  onChange(roster: RosterMember[]): void;
}) => {
  const member = (index: number, change: Partial<RosterMember>) =>
    onChange(roster.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));
  return (
    <fieldset>
      <legend>Roster</legend>
      {roster.map((entry, index) => (
        <div className="roster-row" key={index}>
          <label htmlFor={`roster-role-${index}`}>Role</label>
          <select
            id={`roster-role-${index}`}
            value={entry.role}
            onChange={(event) => member(index, { role: event.target.value })}
          >
            {roles.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
          <label htmlFor={`roster-name-${index}`}>Name</label>
          <input
            id={`roster-name-${index}`}
            value={entry.name}
            onChange={(event) => member(index, { name: event.target.value })}
          />
          <label htmlFor={`roster-email-${index}`}>Email</label>
          <input
            id={`roster-email-${index}`}
            type="email"
            value={entry.email}
            onChange={(event) => member(index, { email: event.target.value })}
          />
          {errorOf(`roster[${index}].email`) && <p className="error">{errorOf(`roster[${index}].email`)}</p>}
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...roster, { role: 'technical-team-member', name: '', email: '' }])}
      >
        Add a member
      </button>
    </fieldset>
  );
};
