/** An RFC 9457 problem document, as every service answers a refusal (docs/errors.md). */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
  allowed?: string[];
}

/** A refused call: what the service said, kept whole so a form can show each field's message. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDocument,
  ) {
    super(problem.detail ?? problem.title ?? `the service answered ${status}`);
  }

  /** The message for one field of a form, if the service named it. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }
}
