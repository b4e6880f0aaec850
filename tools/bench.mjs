#!/usr/bin/env node
/**
 * `npm run bench`: every committed benchmark, each to its end even when one before it missed
 * a target; then the ones that missed are named, and the exit is non-zero if any did.
 */
import { spawnSync } from 'node:child_process';

const benches = ['event-store', 'messaging', 'projections', 'reporting', 'throughput', 'memory', 'auth', 'monitoring', 'console'];
const missed = benches.filter(
  (bench) => spawnSync('npm', ['run', `bench:${bench}`], { stdio: 'inherit' }).status !== 0,
);
console.log(
  missed.length
    ? `\nbenchmarks that missed a target: ${missed.join(', ')}`
    : '\nevery benchmark met its targets',
);
process.exitCode = missed.length ? 1 : 0;
