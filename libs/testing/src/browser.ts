import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import type { InfraNeed } from './infra-needs';
import { describeWithProgram } from './program-needs';

/** Where the browser tests find Chromium (infra/chromium/chromium.sh installs it). */
const chromiumPath = (): string => process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * `describeWith(...needs)` for suites that drive a real browser: without Chromium they fail
 * in CI and are skipped, saying why, elsewhere.
 */
export const describeWithBrowser = (...needs: InfraNeed[]) =>
  describeWithProgram(
    {
      path: existsSync(chromiumPath()) ? chromiumPath() : undefined,
      purpose: `drive Chromium (${chromiumPath()})`,
      install: 'run bash infra/chromium/chromium.sh install',
    },
    ...needs,
  );

/**
 * Headless Chromium with a profile of its own, kept off the network beyond what a page asks
 * for: no background services, whose lookups fail (and slow it) on a closed network.
 */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
