import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@hypercare/testing';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

/** Every `hypercare_*` metric the services declare (`createCounter('hypercare_…'`, gauges, histograms). */
export const declaredMetrics = (): Set<string> =>
  new Set(
    ['libs', 'services'].flatMap((dir) =>
      sources(join(workspaceRoot(), dir)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/create\w+\(\s*'(hypercare_\w+)'/g)].map(
          ([, name]) => name as string,
        ),
      ),
    ),
  );

/** The metric a series name in PromQL stands for: a histogram's `_bucket`/`_sum`/`_count` are its own. */
export const metricsIn = (promql: string): string[] =>
  [...promql.matchAll(/\b(hypercare_\w+)/g)].map(([, name]) =>
    (name as string).replace(/_(bucket|sum|count)$/, ''),
  );

export const workspaceFile = (path: string): string => join(workspaceRoot(), path);
