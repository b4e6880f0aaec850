/**
 * Runs `writers` closed loops, each calling `append(writer, i)` back to back for
 * `seconds` after a short unmeasured warm-up; returns the events per second.
 */
export const closedLoop = async (
  writers: number,
  eventsPerCall: number,
  seconds: number,
  append: (writer: number, i: number) => Promise<unknown>,
): Promise<number> => {
  await measuredLoop(writers, eventsPerCall, 0.5, (writer, i) => append(writer, i + 1_000_000));
  return measuredLoop(writers, eventsPerCall, seconds, append);
};

const measuredLoop = async (
  writers: number,
  eventsPerCall: number,
  seconds: number,
  append: (writer: number, i: number) => Promise<unknown>,
): Promise<number> => {
  const deadline = performance.now() + seconds * 1_000;
  const started = performance.now();
  let calls = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; performance.now() < deadline; i++) {
        await append(writer, i);
        calls++;
      }
    }),
  );
  return (calls * eventsPerCall) / ((performance.now() - started) / 1_000);
};

/**
 * Offers `rate` calls per second for `seconds` whatever the latency (open loop), and
 * measures each from its scheduled start, so a stall is not hidden by fewer calls. Half a
 * second at the same rate goes first, unmeasured, so that connections opened and plans
 * made on first use count as the start-up they are, not as steady-state latency.
 */
export const openLoop = async (
  rate: number,
  seconds: number,
  call: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number; p99: number; achieved: number }> => {
  await offer(rate, 0.5, (i) => call(i + 1_000_000));
  return offer(rate, seconds, call);
};

const offer = async (
  rate: number,
  seconds: number,
  call: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number; p99: number; achieved: number }> => {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1_000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(call(i).then(() => void latencies.push(performance.now() - due)));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1_000;
  return { ...percentiles(latencies), achieved: total / elapsed };
};

/** p50, p95 and p99 of a set of measurements (NaN when there are none). */
export const percentiles = (values: number[]): { p50: number; p95: number; p99: number } => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
};

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints a table with aligned columns. */
export const printTable = (headers: string[], rows: string[][]): void => {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  const lines = [
    line(headers),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
};

/** A positive number from the environment (a bench setting), or `fallback` when unset; anything else stops the bench naming it. */
export const benchSetting = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
};

/** Ends a bench: says which targets were missed (or that all were met) and exits non-zero on a miss. */
export const concludeBench = (misses: readonly string[]): void => {
  process.stdout.write(
    misses.length
      ? `\nMissed targets:\n${misses.map((miss) => `- ${miss}`).join('\n')}\n`
      : '\nAll targets met.\n',
  );
  process.exitCode = misses.length ? 1 : 0;
};
