import { useQuery } from '@tanstack/react-query';

interface JsonSchema {
  type?: string;
  enum?: string[];
  description?: string;
  deprecated?: boolean;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
}

type Content = Record<string, { schema?: JsonSchema }>;

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Content }; responses?: Record<string, { content?: Content }> }>
  >;
}

/** One field of a command's form, as the command's request body declares it. */
export interface CommandField {
  name: string;
  required: boolean;
  options?: string[];
  long: boolean;
  description?: string;
}

/**
 * The platform's combined OpenAPI document (public, at `/docs-json`): the console builds each
 * command's form from the body the command declares, so its choices (categories, roles,
 * decisions) are the contracts' own and a new field shows up without a console change.
 */
export const useOpenApi = () =>
  useQuery({
    queryKey: ['openapi'],
    queryFn: async () => (await (await fetch('/docs-json')).json()) as OpenApiDocument,
    staleTime: Infinity,
  });

export const commandFields = (document: OpenApiDocument, path: string): CommandField[] => {
  const schema = document.paths[path]?.['post']?.requestBody?.content?.['application/json']?.schema;
  return (
    Object.entries(schema?.properties ?? {})
      // A field the API still accepts but ignores (the old `by`) is not asked for.
      .filter(([, field]) => !field.deprecated && !/^deprecated/i.test(field.description ?? ''))
      .map(([name, field]) => ({
        name,
        required: schema?.required?.includes(name) ?? false,
        options: field.enum,
        long: field.type === 'string' && !field.enum && (field.maxLength ?? Infinity) > 500,
        description: field.description,
      }))
  );
};

/** A ticket's statuses in workflow order, as the ticket list's answer declares them: the board's columns. */
export const ticketStatuses = (document: OpenApiDocument): string[] =>
  document.paths['/reporting/periods/{periodId}/tickets']?.['get']?.responses?.['200']?.content?.[
    'application/json'
  ]?.schema?.properties?.['items']?.items?.properties?.['status']?.enum ?? [];

/**
 * The choices a request body declares for one field, reached through `fields` (`[]` steps into
 * an array's items): roles, metrics, comparators as the contracts list them.
 */
export const bodyChoices = (
  document: OpenApiDocument | undefined,
  path: string,
  method: string,
  fields: string[],
): string[] => {
  let schema = document?.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
  for (const field of fields) schema = field === '[]' ? schema?.items : schema?.properties?.[field];
  return schema?.enum ?? [];
};
