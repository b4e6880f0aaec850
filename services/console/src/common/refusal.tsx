import { ApiProblem } from '../api/problem';

/** A refused command as a form shows it: what the service said, and each field it named. */
export const Refusal = ({ error }: { error: Error | null }) => {
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error.problem : undefined;
  return (
    <div role="alert" className="error">
      <p>{error.message}</p>
      {problem?.errors && (
        <ul>
          {problem.errors.map((field) => (
            <li key={field.field}>
              {field.field}: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

/** The service's message for one field of the last refusal, if it named that field. */
export const fieldError = (error: Error | null, field: string): string | undefined =>
  error instanceof ApiProblem ? error.fieldMessage(field) : undefined;
