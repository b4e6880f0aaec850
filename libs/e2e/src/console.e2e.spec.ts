import type { Page } from 'playwright-core';
import { describeWithBrowser } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { ConsoleBrowser } from './console-browser.fixture';

/** Long enough for a projection to catch up and the live stream to say so, on a busy CI box. */
const SEEN = { timeout: 20_000 };

/** A local wall-clock time as a datetime-local input takes it. */
const localInput = (date: Date): string => {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
};

describeWithBrowser('postgres')('the web console, in a real Chromium against the all-in-one process', () => {
  let platform: AllInOneOnPostgres;
  let browser: ConsoleBrowser;
  const open = () => browser.open();
  const audit = (page: Page, view: string) => browser.audit(page, view);

  beforeAll(async () => {
    browser = await ConsoleBrowser.launch();
    platform = await AllInOneOnPostgres.start('console', { HYPERCARE_CLOCK: 'system' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('takes a lead from sign-in to a worked ticket, live, and back to the moment before it', async () => {
    const lead = await open();
    await lead.goto(platform.base);
    await audit(lead, 'sign-in');
    await lead.getByLabel('API key').fill('not-a-key');
    await lead.getByRole('button', { name: 'Sign in' }).click();
    await lead.getByRole('alert').waitFor();
    await lead.getByLabel('API key').fill(platform.adminKey);
    await lead.getByRole('button', { name: 'Sign in' }).click();
    await lead.getByRole('heading', { name: 'Hypercare periods' }).waitFor();
    await audit(lead, 'periods');

    await lead.getByRole('link', { name: 'Plan a period' }).first().click();
    await lead.getByLabel("New programme's name").fill('Finance transformation');
    await lead.getByLabel('System going live').fill('Ledger 2');
    await lead.getByLabel('Go-live').fill(localInput(new Date(Date.now() - 60 * 60_000)));
    await lead.getByLabel('Name', { exact: true }).fill('Lea Lead');
    await lead.getByLabel('Email', { exact: true }).fill('lea@example.com');
    await audit(lead, 'plan');
    await lead.getByRole('button', { name: 'Plan the period' }).click();
    await lead.getByRole('button', { name: 'Activate the period' }).click(SEEN);
    await lead.getByText('active', { exact: true }).waitFor(SEEN);
    const periodId = /periods\/([^/]+)\//.exec(lead.url())?.[1] as string;
    await audit(lead, 'dashboard');

    await lead.getByRole('link', { name: 'Board', exact: true }).click();
    await lead.getByRole('heading', { name: 'Board', exact: true }).waitFor();
    await lead.getByRole('status').filter({ hasText: 'Live' }).waitFor(SEEN);

    const reporter = await open();
    await reporter.goto(platform.base);
    await reporter.getByLabel('API key').fill(platform.adminKey);
    await reporter.getByRole('button', { name: 'Sign in' }).click();
    await reporter.goto(`${platform.base}/#/periods/${periodId}/report`);
    await reporter.getByRole('heading', { name: 'Report a problem' }).waitFor();
    await reporter.getByRole('button', { name: 'Submit the report' }).click();
    await reporter.locator('[aria-invalid="true"]').first().waitFor();
    await reporter.getByLabel('Your name').fill('Rui Reporter');
    await reporter.getByLabel('Your email').fill('rui@example.com');
    await reporter.getByLabel('What went wrong (title)').fill('Invoices do not export');
    await reporter.getByLabel('Description').fill('The export button spins forever.');
    await audit(reporter, 'report');
    await reporter.getByRole('button', { name: 'Submit the report' }).click();
    await reporter.getByText('Report received.').waitFor(SEEN);

    const card = lead.getByRole('link', { name: 'Invoices do not export' });
    await card.waitFor(SEEN);
    await audit(lead, 'board');
    await card.click();
    await lead.getByRole('heading', { name: 'Invoices do not export' }).waitFor();
    const triage = lead.getByRole('form', { name: 'Triage' });
    await triage.getByLabel('Category').selectOption('major-functional-bug');
    await triage.getByLabel('Impact').selectOption('high');
    await triage.getByLabel('Urgency').selectOption('high');
    await triage.getByRole('button', { name: 'Triage' }).click();
    const status = lead.locator('[data-field="status"]');
    await lead.locator('[data-field="priority"]').filter({ hasText: 'P1' }).waitFor(SEEN);
    const assign = lead.getByRole('form', { name: 'Assign' });
    await assign.getByLabel('Role').selectOption('technical-lead');
    await assign.getByLabel('Email').fill('lea@example.com');
    await assign.getByRole('button', { name: 'Assign' }).click();
    await lead.locator('[data-field="assigneeName"]').filter({ hasText: 'Lea Lead' }).waitFor(SEEN);
    await lead.getByRole('form', { name: 'Acknowledge' }).getByRole('button').click();
    await status.filter({ hasText: 'acknowledged' }).waitFor(SEEN);
    await audit(lead, 'ticket');

    await lead.getByRole('link', { name: 'Back to the board' }).click();
    const moveCard = lead.getByRole('button', { name: 'Move Invoices do not export' });
    const columns = lead.getByRole('list', { name: 'Move Invoices do not export to' });
    await lead.locator('[data-status="acknowledged"] [data-ticket]').waitFor(SEEN);
    await moveCard.focus();
    await lead.keyboard.press('Enter');
    await columns.getByRole('button', { name: 'new' }).click();
    await lead.getByText('cannot go back to New').waitFor();
    await moveCard.click();
    await columns.getByRole('button', { name: 'in-progress' }).click();
    const inProgress = lead.locator('[data-status="in-progress"] [data-ticket]');
    await inProgress.waitFor(SEEN);
    // The drag's own events, as a mouse drag fires them (Playwright's mouse did not start an HTML5 drag of a card here).
    const dragged = await lead.evaluateHandle('new DataTransfer()');
    await inProgress.dispatchEvent('dragstart', { dataTransfer: dragged });
    await lead.locator('[data-status="closed"]').dispatchEvent('dragover', { dataTransfer: dragged });
    await lead.locator('[data-status="closed"]').dispatchEvent('drop', { dataTransfer: dragged });
    await lead.getByText(/cannot move there/).waitFor(SEEN);
    await inProgress.waitFor();

    await lead.goto(`${platform.base}/#/periods/${periodId}/dashboard`);
    await lead.locator('[data-kpi="open"]').filter({ hasText: /^1$/ }).waitFor(SEEN);
    await lead.locator('[data-kpi="priority-P1"]').filter({ hasText: /^1$/ }).waitFor(SEEN);
    await lead.locator('[data-kpi="mtta"]').filter({ hasText: /min$/ }).waitFor(SEEN);
    const slider = lead.getByLabel('As of');
    await slider.focus();
    await slider.press('Home');
    await lead.locator('[data-kpi="total"]').filter({ hasText: /^0$/ }).waitFor(SEEN);

    await lead.getByRole('link', { name: 'Exit readiness' }).click();
    await lead.getByText('No exit criterion is defined for this period.').waitFor(SEEN);
    await audit(lead, 'exit');
    await lead.getByRole('link', { name: 'Periods', exact: true }).click();
    await lead.getByRole('link', { name: 'Finance transformation' }).click();
    await lead.getByRole('heading', { name: 'Finance transformation' }).waitFor(SEEN);
    await lead.getByRole('row', { name: /Ledger 2/ }).waitFor(SEEN);
    await audit(lead, 'programme');

    expect(browser.findings).toEqual(browser.noFindings);
    expect(browser.errors).toEqual([]);
  }, 180_000);
});
