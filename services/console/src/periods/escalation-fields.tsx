import type { PeriodConfiguration, Priority } from '../api/types';

type Matrix = PeriodConfiguration['escalationMatrix'];
type EscalationLevel = Matrix[number]['levels'][number];

const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];

/** Per priority, who is told when a ticket is still unacknowledged (or unresolved) after how long. */
export const EscalationFields = ({
  matrix,
  roles,
  errorOf,
  onChange,
}: {
  matrix: Matrix;
  roles: string[];
  errorOf(field: string): string | undefined;
  onChange(matrix: Matrix): void;
}) => {
  const levelsOf = (priority: Priority) => matrix.find((rule) => rule.priority === priority)?.levels ?? [];
  const setLevels = (priority: Priority, levels: EscalationLevel[]) =>
    onChange(
      PRIORITIES.map((p) => ({ priority: p, levels: p === priority ? levels : levelsOf(p) })).filter(
        (rule) => rule.levels.length > 0,
      ),
    );
  return (
    <fieldset>
      <legend>Escalation matrix</legend>
      {PRIORITIES.map((priority) => {
        const levels = levelsOf(priority);
        const rule = matrix.findIndex((entry) => entry.priority === priority);
        const change = (index: number, part: Partial<EscalationLevel>) =>
          setLevels(
            priority,
            levels.map((level, at) => (at === index ? { ...level, ...part } : level)),
          );
        return (
          <div key={priority} className="escalation">
            <h3>{priority}</h3>
            {levels.length === 0 && <p>No escalation.</p>}
            {levels.map((level, index) => {
              const id = `escalation-${priority}-${index}`;
              return (
                <div className="roster-row" key={index}>
                  <label htmlFor={`${id}-after`}>After (minutes)</label>
                  <input
                    id={`${id}-after`}
                    type="number"
                    min={1}
                    value={level.afterMinutes}
                    onChange={(event) => change(index, { afterMinutes: Number(event.target.value) })}
                  />
                  <label htmlFor={`${id}-when`}>While</label>
                  <select
                    id={`${id}-when`}
                    value={level.when}
                    onChange={(event) =>
                      change(index, { when: event.target.value as EscalationLevel['when'] })
                    }
                  >
                    <option>unacknowledged</option>
                    <option>unresolved</option>
                  </select>
                  <label htmlFor={`${id}-role`}>Notify</label>
                  <select
                    id={`${id}-role`}
                    value={level.notifyRole}
                    onChange={(event) => change(index, { notifyRole: event.target.value })}
                  >
                    {roles.map((role) => (
                      <option key={role}>{role}</option>
                    ))}
                  </select>
                  <button
                    type="button"
                    onClick={() =>
                      setLevels(
                        priority,
                        levels.filter((_, at) => at !== index),
                      )
                    }
                  >
                    Remove {priority} level {index + 1}
                  </button>
                  {rule >= 0 && errorOf(`escalationMatrix[${rule}].levels[${index}].afterMinutes`) && (
                    <p className="error">
                      {errorOf(`escalationMatrix[${rule}].levels[${index}].afterMinutes`)}
                    </p>
                  )}
                </div>
              );
            })}
            <button
              type="button"
              onClick={() =>
                setLevels(priority, [
                  ...levels,
                  { afterMinutes: 30, when: 'unacknowledged', notifyRole: roles[0] ?? 'technical-lead' },
                ])
              }
            >
              Add a {priority} escalation
            </button>
          </div>
        );
      })}
    </fieldset>
  );
};
