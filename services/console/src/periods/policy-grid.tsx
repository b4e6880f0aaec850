import type { Level, PeriodConfiguration, Priority } from '../api/types';

const LEVELS: Level[] = ['high', 'medium', 'low'];
const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];

type Matrix = PeriodConfiguration['priorityMatrix'];
type Sla = PeriodConfiguration['slaPolicy'];

/** Impact x urgency as a 3x3 grid, each cell the priority it gives. */
export const PriorityGrid = ({ matrix, onChange }: { matrix: Matrix; onChange(matrix: Matrix): void }) => {
  const cell = (impact: Level, urgency: Level) =>
    matrix.find((rule) => rule.impact === impact && rule.urgency === urgency)?.priority ?? 'P4';
  const choose = (impact: Level, urgency: Level, priority: Priority) =>
    onChange(
      LEVELS.flatMap((i) =>
        LEVELS.map((u) => ({
          impact: i,
          urgency: u,
          priority: i === impact && u === urgency ? priority : cell(i, u),
        })),
      ),
    );
  return (
    <table className="grid">
      <caption>Priority matrix: impact (rows) by urgency (columns)</caption>
      <thead>
        <tr>
          <td />
          {LEVELS.map((urgency) => (
            <th scope="col" key={urgency}>
              urgency {urgency}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {LEVELS.map((impact) => (
          <tr key={impact}>
            <th scope="row">impact {impact}</th>
            {LEVELS.map((urgency) => (
              <td key={urgency}>
                <select
                  aria-label={`Priority for ${impact} impact and ${urgency} urgency`}
                  value={cell(impact, urgency)}
                  onChange={(event) => choose(impact, urgency, event.target.value as Priority)}
                >
                  {PRIORITIES.map((priority) => (
                    <option key={priority}>{priority}</option>
                  ))}
                </select>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** Minutes to acknowledge and to resolve, per priority. */
export const SlaPolicyTable = ({
  policy,
  errorOf,
  onChange,
}: {
  policy: Sla;
  errorOf(field: string): string | undefined;
  onChange(policy: Sla): void;
}) => {
  const set = (index: number, field: 'acknowledgeWithinMinutes' | 'resolveWithinMinutes', value: string) =>
    onChange(policy.map((target, at) => (at === index ? { ...target, [field]: Number(value) } : target)));
  return (
    <table className="grid">
      <caption>SLA policy (minutes)</caption>
      <thead>
        <tr>
          <th scope="col">Priority</th>
          <th scope="col">Acknowledge within</th>
          <th scope="col">Resolve within</th>
        </tr>
      </thead>
      <tbody>
        {policy.map((target, index) => (
          <tr key={target.priority}>
            <th scope="row">{target.priority}</th>
            {(['acknowledgeWithinMinutes', 'resolveWithinMinutes'] as const).map((field) => (
              <td key={field}>
                <input
                  type="number"
                  min={1}
                  aria-label={`${target.priority} ${field === 'acknowledgeWithinMinutes' ? 'acknowledge' : 'resolve'} within (minutes)`}
                  value={target[field]}
                  onChange={(event) => set(index, field, event.target.value)}
                  aria-invalid={errorOf(`slaPolicy[${index}].${field}`) ? true : undefined}
                />
                {errorOf(`slaPolicy[${index}].${field}`) && (
                  <p className="error">{errorOf(`slaPolicy[${index}].${field}`)}</p>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
};
