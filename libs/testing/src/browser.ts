import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describeWith, type InfraNeed } from './infra-needs';

/** Where the browser tests find Chromium (infra/chromium/chromium.sh installs it). */
const chromiumPath = (): string => process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * `describeWith(...needs)` for suites that drive a real browser. Without Chromium such a suite
 * fails in CI (`CI=true`), naming what is missing, and is skipped, saying why, elsewhere.
 */
export const describeWithBrowser =
  (...needs: InfraNeed[]) =>
  (name: string, body: () => void): void => {
    if (existsSync(chromiumPath())) return describeWith(...needs)(name, body);
    if (process.env['CI'] === 'true') {
      describe(name, () =>
        it('has Chromium to drive', () =>
          expect(chromiumPath()).toBe('installed: run bash infra/chromium/chromium.sh install')),
      );
      return;
    }
    console.warn(
      `[hypercare tests] skipping "${name}": no Chromium at ${chromiumPath()} (bash infra/chromium/chromium.sh install)`,
    );
    describe.skip(name, body);
  };

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
