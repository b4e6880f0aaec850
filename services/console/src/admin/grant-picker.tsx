import { usePeriods, useProgrammes } from '../api/queries';

/** The roles a key or token may hold, as the platform names them (docs/security.md). */
export const ROLES = [
  'reporter',
  'agent',
  'lead',
  'analyst',
  'admin',
  'bau-consumer',
  'monitoring-source',
  'channel',
] as const;

export interface GrantChoice {
  role: string;
  scope: string;
}

/** A grant as the platform reads it: `role`, `role@programme:<id>` or `role@period:<id>`. */
export const grantText = ({ role, scope }: GrantChoice): string => (scope ? `${role}@${scope}` : role);

/** One grant: a role, and where it holds, chosen among the programmes and periods the admin sees. */
export const GrantPicker = ({
  index,
  grant,
  onChange,
  onRemove,
}: {
  index: number;
  grant: GrantChoice;
  onChange(grant: GrantChoice): void;
  onRemove?: () => void;
}) => {
  const programmes = useProgrammes();
  const periods = usePeriods();
  return (
    <div className="roster-row">
      <label htmlFor={`grant-role-${index}`}>Role</label>
      <select
        id={`grant-role-${index}`}
        value={grant.role}
        onChange={(event) => onChange({ ...grant, role: event.target.value })}
      >
        {ROLES.map((role) => (
          <option key={role}>{role}</option>
        ))}
      </select>
      <label htmlFor={`grant-scope-${index}`}>Where</label>
      <select
        id={`grant-scope-${index}`}
        value={grant.scope}
        onChange={(event) => onChange({ ...grant, scope: event.target.value })}
      >
        <option value="">the whole platform</option>
        {(programmes.data ?? []).map((programme) => (
          <option key={programme.programmeId} value={`programme:${programme.programmeId}`}>
            programme {programme.name}
          </option>
        ))}
        {(periods.data ?? []).map((period) => (
          <option key={period.periodId} value={`period:${period.periodId}`}>
            period {period.systemName}
          </option>
        ))}
      </select>
      {onRemove && (
        <button type="button" onClick={onRemove}>
          Remove grant {index + 1}
        </button>
      )}
    </div>
  );
};
