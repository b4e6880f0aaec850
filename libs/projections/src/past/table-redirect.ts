import { quoteIdent } from '@hypercare/event-store';

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `schema.table` as a statement may name it: bare or quoted, each part on its own. */
const reference = (schema: string, table: string): RegExp =>
  new RegExp(`(?<![\\w."])("?)${escaped(schema)}\\1\\.("?)${escaped(table)}\\2(?![\\w"])`, 'g');

/** A table name's schema and table, each unquoted: `"reporting"."tickets"` and `reporting.tickets` alike. */
export const tableParts = (qualified: string): [schema: string, table: string] => {
  const parts = qualified.match(/^("(?:[^"]|"")+"|[^".]+)\.("(?:[^"]|"")+"|[^".]+)$/);
  if (!parts) throw new Error(`${qualified} is not a schema-qualified table name`);
  const unquoted = (part: string) => (part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : part);
  return [unquoted(parts[1] as string), unquoted(parts[2] as string)];
};

/**
 * Rewrites a statement's references to the given schema-qualified tables (`reporting.tickets`,
 * `"reporting"."tickets"`) into the session's temporary tables of the same name
 * (`pg_temp."tickets"`), and leaves every other name alone: how the read side's own queries
 * and projections run unchanged against a copy of their tables.
 */
export const tableRedirect = (tables: readonly string[]): ((sql: string) => string) => {
  const rules = tables.map((qualified) => {
    const [schema, table] = tableParts(qualified);
    return { pattern: reference(schema, table), target: `pg_temp.${quoteIdent(table)}` };
  });
  const names = rules.map(({ target }) => target);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice) throw new Error(`two tables would share the temporary name ${twice}`);
  return (sql) => rules.reduce((text, { pattern, target }) => text.replace(pattern, target), sql);
};
