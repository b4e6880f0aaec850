import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '@hypercare/testing';
import { accessibilityFindings } from './accessibility';

const ROOT = join(__dirname, '../../..');
/** The browser reports each refusal a test provokes on purpose (a wrong key, an empty form). */
const REFUSED = /^Failed to load resource: the server responded with a status of 4\d\d/;

/** Builds the console when its build is missing or older than its sources, as `npm start` does. */
export const buildConsole = (): void => {
  const build = spawnSync(process.execPath, [join(ROOT, 'tools/console-build.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the console did not build: ${build.stderr}`);
};

/**
 * Chromium for console tests: each page a context of its own (its own session), every error
 * in a page's console kept (but provoked 4xx answers), and axe's findings kept per view.
 */
export class ConsoleBrowser {
  readonly errors: string[] = [];
  readonly findings: Record<string, string[]> = {};

  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<ConsoleBrowser> {
    buildConsole();
    return new ConsoleBrowser(await launchBrowser());
  }

  async open(): Promise<Page> {
    const page = await (await this.browser.newContext()).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && !REFUSED.test(message.text())) this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(error.message));
    return page;
  }

  /** Opens the console at `base` signed in with an API key, as the sign-in form does. */
  async signedIn(base: string, apiKey: string, at = ''): Promise<Page> {
    const page = await this.open();
    await page.goto(`${base}/${at}`);
    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  async audit(page: Page, view: string): Promise<void> {
    this.findings[view] = await accessibilityFindings(page);
  }

  /** Every audited view, each with no serious or critical finding: what the tests expect. */
  get noFindings(): Record<string, string[]> {
    return Object.fromEntries(Object.keys(this.findings).map((view) => [view, []]));
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
