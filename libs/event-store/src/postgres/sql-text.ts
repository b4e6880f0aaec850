/**
 * Events per transaction are numbered below 2^20: a global position is
 * `transaction id * 2^20 + ordinal`, so the global order is commit-safe (see README).
 */
export const ORDINAL_BITS = 20;

/** A PostgreSQL identifier, quoted so any schema name is safe in SQL text. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A PostgreSQL string literal. */
export const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;
