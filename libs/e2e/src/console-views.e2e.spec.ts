import { newProgramme, planPeriod } from '@hypercare/client';
import { describeWithBrowser } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { ConsoleBrowser } from './console-browser.fixture';
import { periodDefinition } from './scenario-steps';
import { alertmanagerPayload } from './alert-payloads';

const SEEN = { timeout: 20_000 };
const firing = alertmanagerPayload('firing');

interface Definition {
  configuration: {
    slaPolicy: Array<{ priority: string; acknowledgeWithinMinutes: number }>;
    priorityMatrix: Array<{ impact: string; urgency: string; priority: string }>;
    escalationMatrix: unknown[];
    exitCriteria: unknown[];
  };
  version: number;
}

/**
 * The console's administration and reading views in Chromium against the all-in-one process:
 * API keys, a period's set-up, a reporter's own reports, alerts, feedback, the knowledge base
 * and a post-mortem replayed event by event; each checked by axe.
 */
describeWithBrowser('postgres')("the console's other views, in a real Chromium", () => {
  let platform: AllInOneOnPostgres;
  let browser: ConsoleBrowser;
  let periodId: string;
  const at = (view: string) => `#/periods/${periodId}/${view}`;
  const definition = () => platform.admin.call<Definition>('triage', 'GET', `/periods/${periodId}`);

  beforeAll(async () => {
    browser = await ConsoleBrowser.launch();
    platform = await AllInOneOnPostgres.start('console_views', {
      HYPERCARE_CLOCK: 'system',
      EXIT_EVALUATION_INTERVAL_MS: '500',
    });
    const programmeId = await newProgramme(platform.admin, 'Finance transformation');
    ({ periodId } = await planPeriod(
      platform.admin,
      programmeId,
      periodDefinition(new Date(Date.now() - 3_600_000)),
    ));
    await platform.admin.call('triage', 'POST', `/periods/${periodId}/activate`, {});
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("makes an agent's key that shows once, which the agent works with until it is revoked", async () => {
    const admin = await browser.signedIn(platform.base, platform.adminKey, '#/admin/keys');
    await admin.getByRole('heading', { name: 'API keys' }).waitFor();
    await admin.getByRole('button', { name: 'Make the key' }).click();
    await admin.getByRole('alert').filter({ hasText: 'name: String must' }).waitFor();
    await admin.locator('#key-name[aria-invalid="true"]').waitFor();
    await browser.audit(admin, 'keys');
    await admin.getByLabel('What it is for').fill('Ana Agent');
    await admin.getByLabel('Role').selectOption('agent');
    await admin.getByLabel('Where').selectOption({ label: 'period General ledger' });
    await admin.getByRole('button', { name: 'Make the key' }).click();
    const key = (await admin.getByLabel('The new key').textContent({ timeout: SEEN.timeout })) as string;
    expect(key).toMatch(/^hck_/);
    await admin.getByRole('row', { name: /Ana Agent.*agent@period:/ }).waitFor();

    const agent = await browser.signedIn(platform.base, key, at('report'));
    await agent.getByLabel('Your name').fill('Rui Reporter');
    await agent.getByLabel('Your email').fill('rui@example.com');
    await agent.getByLabel('What went wrong (title)').fill('Journal posting fails');
    await agent.getByLabel('Description').fill('Posting answers an error.');
    await agent.getByRole('button', { name: 'Submit the report' }).click();
    await agent.getByText('Report received.').waitFor(SEEN);
    await agent.getByRole('link', { name: 'My reports' }).click();
    await agent.getByLabel("Reporter's email").fill('RUI@example.com');
    await agent.getByRole('link', { name: 'Journal posting fails' }).waitFor(SEEN);
    await browser.audit(agent, 'my reports');

    await admin.getByRole('button', { name: 'Revoke Ana Agent' }).click();
    await admin.getByRole('row', { name: /Ana Agent.*revoked/ }).waitFor(SEEN);
    await agent.reload();
    await agent
      .getByRole('alert')
      .filter({ hasText: /revoked/ })
      .waitFor(SEEN);
    expect(browser.findings).toEqual(browser.noFindings);
  }, 120_000);

  it("edits a period's set-up as a grid and lists, refusing a bad target where it is and saving nothing", async () => {
    const lead = await browser.signedIn(platform.base, platform.adminKey, at('setup'));
    const acknowledgeP1 = lead.getByLabel('P1 acknowledge within (minutes)');
    await acknowledgeP1.fill('0');
    const before = (await definition()).version;
    await lead.getByRole('button', { name: 'Save the set-up' }).click();
    await lead.getByRole('alert').filter({ hasText: 'slaPolicy[0].acknowledgeWithinMinutes' }).waitFor();
    await lead.locator('input[aria-invalid="true"]').and(acknowledgeP1).waitFor();
    expect((await definition()).version).toBe(before);

    await acknowledgeP1.fill('5');
    await lead.getByLabel('Priority for high impact and medium urgency').selectOption('P1');
    await lead.getByRole('button', { name: 'Remove P1 level 2' }).click();
    await lead.getByRole('button', { name: 'Add a P2 escalation' }).click();
    await lead.locator('#escalation-P2-0-after').fill('60');
    await lead.locator('#escalation-P2-0-role').selectOption('project-manager');
    await lead.getByRole('button', { name: 'Add a criterion' }).click();
    await lead.locator('#criterion-1-name').fill('Calm days');
    await lead.locator('#criterion-1-metric').selectOption('new-tickets-per-day');
    await lead.locator('#criterion-1-comparator').selectOption('<=');
    await lead.locator('#criterion-1-target').fill('3');
    await lead.locator('#criterion-1-window').fill('2');
    await browser.audit(lead, 'setup');
    await lead.getByRole('button', { name: 'Save the set-up' }).click();
    await lead.getByRole('status').filter({ hasText: 'Saved' }).waitFor(SEEN);
    const { configuration } = await definition();
    expect(configuration.slaPolicy[0]).toMatchObject({ priority: 'P1', acknowledgeWithinMinutes: 5 });
    expect(configuration.priorityMatrix).toContainEqual({
      impact: 'high',
      urgency: 'medium',
      priority: 'P1',
    });
    expect(configuration.escalationMatrix).toEqual([
      {
        priority: 'P1',
        levels: [{ afterMinutes: 10, when: 'unacknowledged', notifyRole: 'technical-lead' }],
      },
      {
        priority: 'P2',
        levels: [{ afterMinutes: 60, when: 'unacknowledged', notifyRole: 'project-manager' }],
      },
    ]);
    await platform.admin.poll(
      'reporting',
      `/periods/${periodId}/exit/history`,
      (r) =>
        r.status === 200 &&
        (r.body as { items: Array<{ criteria: string[] }> }).items.some(({ criteria }) =>
          criteria.includes('Calm days'),
        ),
      20_000,
    );
    await lead.getByRole('link', { name: 'Exit readiness' }).click();
    const history = lead.getByRole('table', { name: 'Criteria history' });
    await history
      .getByRole('row', { name: /Calm days/ })
      .first()
      .waitFor(SEEN);
    await browser.audit(lead, 'exit with history');
    expect(configuration.exitCriteria).toEqual([
      { name: 'No open P1', metric: 'open-tickets', priorities: ['P1'], comparator: '=', target: 0 },
      { name: 'Calm days', metric: 'new-tickets-per-day', comparator: '<=', target: 3, windowDays: 2 },
    ]);
    expect(browser.findings).toEqual(browser.noFindings);
  }, 120_000);

  it('shows the alerts, the feedback, the knowledge base and a post-mortem replayed event by event', async () => {
    await platform.admin.call('monitoring', 'POST', `/periods/${periodId}/alerts/alertmanager`, firing);
    await platform.admin.call('feedback', 'POST', `/periods/${periodId}/feedback`, {
      kind: 'praise',
      text: 'Closing the month took minutes',
    });
    const { articleId } = await platform.admin.call<{ articleId: string }>(
      'feedback',
      'POST',
      `/periods/${periodId}/articles`,
      {
        kind: 'workaround',
        title: 'Post journals one by one',
        body: 'Until the fix, **post** each journal on its own.',
      },
    );
    await platform.admin.call('feedback', 'POST', `/periods/${periodId}/articles/${articleId}/publish`, {});
    const analyst = await browser.signedIn(platform.base, platform.adminKey, at('alerts'));

    await analyst.getByRole('rowheader', { name: 'OrdersLatencyHigh' }).waitFor(SEEN);
    await browser.audit(analyst, 'alerts');
    await analyst.getByRole('link', { name: 'Feedback' }).click();
    await analyst.getByText('Closing the month took minutes').waitFor(SEEN);
    await browser.audit(analyst, 'feedback');
    await analyst.getByRole('link', { name: 'Knowledge base' }).click();
    await analyst.getByLabel('Search the published articles').fill('journal');
    await analyst
      .getByRole('list', { name: 'Matches' })
      .getByRole('button', { name: 'Post journals one by one' })
      .click();
    await analyst.getByRole('article').locator('strong', { hasText: 'post' }).waitFor(SEEN);
    await browser.audit(analyst, 'knowledge');

    await platform.admin.poll(
      'reporting',
      `/periods/${periodId}/tickets`,
      (r) => r.status === 200 && (r.body as { items: unknown[] }).items.length > 0,
      30_000,
    );
    await platform.admin.call('reporting', 'POST', `/periods/${periodId}/postmortems`, {
      title: 'Ledger go-live',
      scope: { kind: 'period' },
    });
    await analyst.getByRole('link', { name: 'Post-mortems' }).click();
    await analyst.getByRole('button', { name: 'Ledger go-live' }).click(SEEN);
    const later = analyst.locator('.postmortem li.later');
    const slider = analyst.getByLabel('As of');
    await slider.focus();
    await slider.press('Home');
    await analyst.locator('[data-kpi="total"]').filter({ hasText: /^0$/ }).waitFor(SEEN);
    expect(await later.count()).toBeGreaterThan(0);
    await slider.press('End');
    await analyst
      .locator('[data-kpi="total"]')
      .filter({ hasText: /^[1-9]/ })
      .waitFor(SEEN);
    expect(await later.count()).toBe(0);
    await browser.audit(analyst, 'postmortems');

    expect(browser.findings).toEqual(browser.noFindings);
    expect(browser.errors).toEqual([]);
  }, 120_000);
});
