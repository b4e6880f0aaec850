import type { Browser, Page } from 'playwright-core';
import { describeWithBrowser, freePort, launchBrowser, TestIdentityProvider } from '@hypercare/testing';
import { newProgramme, planPeriod } from '@hypercare/client';
import { accessibilityFindings } from './accessibility';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { buildConsole } from './console-browser.fixture';
import { periodDefinition } from './scenario-steps';

const AUDIENCE = 'https://hypercare.example.com';
const CONSOLE_CLIENT = 'hypercare-console';

/**
 * People sign in to the console through a real identity provider (oidc-provider in its own
 * process): authorization code with PKCE from the page itself, the provider's own sign-in and
 * consent pages, and the token it issues is what the page then calls the platform with.
 */
describeWithBrowser('postgres')('signing in to the console through the identity provider', () => {
  let idp: TestIdentityProvider;
  let platform: AllInOneOnPostgres;
  let browser: Browser;
  let periodId: string;

  const signInAs = async (page: Page, account: string): Promise<void> => {
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await page.locator('input[name="login"]').fill(account);
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  };

  beforeAll(async () => {
    buildConsole();
    const port = await freePort();
    idp = await TestIdentityProvider.start({
      audience: AUDIENCE,
      clients: [],
      publicClients: [{ client_id: CONSOLE_CLIENT, redirect_uris: [`http://127.0.0.1:${port}/`] }],
      accounts: {
        olga: { name: 'Olga Admin', email: 'olga@example.com', roles: ['admin'] },
        nora: { name: 'Nora Nobody', email: 'nora@example.com', roles: [] },
        rita: { name: 'Rita Reporter', email: 'rita@example.com', roles: ['reporter'] },
      },
    });
    platform = await AllInOneOnPostgres.start('console_sign_in', {
      PORT: String(port),
      HYPERCARE_CLOCK: 'system',
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: AUDIENCE,
      CONSOLE_OIDC_CLIENT_ID: CONSOLE_CLIENT,
      CONSOLE_OIDC_SCOPE: 'openid profile email hypercare',
      CONSOLE_OIDC_RESOURCE: AUDIENCE,
    });
    const programmeId = await newProgramme(platform.admin, 'Finance transformation');
    ({ periodId } = await planPeriod(platform.admin, programmeId, periodDefinition(new Date())));
    await platform.admin.call('triage', 'POST', `/periods/${periodId}/activate`, {});
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await idp?.stop();
  });

  it("signs a person in with the provider's token and calls the platform as them, back where they started", async () => {
    const page = await (await browser.newContext()).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${platform.base}/#/plan`);
    expect(await accessibilityFindings(page)).toEqual([]);
    await signInAs(page, 'olga');
    await page.getByText('Olga Admin', { exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('#/plan');
    await page.getByRole('heading', { name: 'Plan a period' }).waitFor();
    await page.getByRole('link', { name: 'Periods', exact: true }).click();
    await page.getByRole('rowheader', { name: 'General ledger' }).waitFor({ timeout: 20_000 });
    const sent = await page.evaluate("sessionStorage.getItem('hypercare.session')");
    expect(JSON.parse(String(sent))).toMatchObject({
      who: 'Olga Admin',
      credentials: { authorization: /^Bearer ey/ },
    });
    expect(pageErrors).toEqual([]);
  });

  it('says why when the person cancels at the provider, and shows a person without grants no period', async () => {
    const cancelled = await (await browser.newContext()).newPage();
    await cancelled.goto(platform.base);
    await cancelled.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await cancelled.getByRole('link', { name: '[ Cancel ]' }).click();
    await cancelled
      .getByRole('alert')
      .filter({ hasText: 'The identity provider refused the sign-in: End-User aborted interaction.' })
      .waitFor();

    const refused = await (await browser.newContext()).newPage();
    await refused.goto(platform.base);
    await signInAs(refused, 'nora');
    await refused.getByText('Nora Nobody', { exact: true }).waitFor();
    await refused.getByText('No period yet.').waitFor();
  });

  it('lets a reporter report as themselves from the link the team shares, and follow it under My reports', async () => {
    await platform.admin.call('intake', 'POST', `/periods/${periodId}/reports`, {
      reporter: { name: 'Oscar Other', email: 'oscar@example.com' },
      title: "Oscar's timesheets vanish",
      description: 'Saved timesheets are gone after a reload.',
      affectedUsers: 1,
    });
    await platform.admin.poll(
      'reporting',
      `/periods/${periodId}/tickets`,
      (r) => r.status === 200 && (r.body as { items: unknown[] }).items.length === 1,
      20_000,
    );
    const rita = await (await browser.newContext()).newPage();
    await rita.goto(`${platform.base}/#/periods/${periodId}/report`);
    await signInAs(rita, 'rita');
    await expect(rita.getByLabel('Your name').inputValue()).resolves.toBe('Rita Reporter');
    await expect(rita.getByLabel('Your email').inputValue()).resolves.toBe('rita@example.com');
    expect(await rita.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    await rita.getByLabel('What went wrong (title)').fill('Payslips show last month');
    await rita.getByLabel('Description').fill('Every payslip opened today shows October.');
    await rita.getByRole('button', { name: 'Submit the report' }).click();
    await rita.getByText('Report received.').waitFor({ timeout: 20_000 });
    await platform.admin.poll(
      'reporting',
      `/periods/${periodId}/tickets?reporter=rita@example.com`,
      (r) => r.status === 200 && (r.body as { items: unknown[] }).items.length === 1,
      20_000,
    );
    await rita.getByRole('link', { name: 'My reports' }).click();
    await rita.getByRole('link', { name: 'Payslips show last month' }).waitFor({ timeout: 20_000 });
    expect(await rita.getByRole('link', { name: "Oscar's timesheets vanish" }).count()).toBe(0);
    await rita.getByRole('link', { name: 'Payslips show last month' }).click();
    await rita.getByRole('heading', { name: 'Payslips show last month' }).waitFor();
    // Reporting's live stream is the team's: refused once, not tried again and again.
    await rita.getByRole('status').filter({ hasText: 'Not live' }).waitFor();
    expect(await accessibilityFindings(rita)).toEqual([]);

    const notAnEmail = await platform.admin.send('reporting', 'GET', '/people/rita/tickets');
    expect(notAnEmail).toMatchObject({ status: 400, body: { errors: [{ field: 'email' }] } });
  });
});
