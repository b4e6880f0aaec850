import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describeWithProgram, onPath } from '@hypercare/testing';
import { parse } from 'yaml';
import { declaredMetrics, metricsIn, workspaceFile } from './declared-metrics';

const run = promisify(execFile);
const RULES = workspaceFile('infra/prometheus/hypercare.rules.yml');
const DASHBOARD = workspaceFile('infra/grafana/hypercare-dashboard.json');

interface Rules {
  groups: Array<{ rules: Array<{ alert: string; expr: string; annotations?: Record<string, string> }> }>;
}
interface Dashboard {
  uid: string;
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
}

const rules = (): Rules['groups'][number]['rules'] =>
  (parse(readFileSync(RULES, 'utf8')) as Rules).groups.flatMap((group) => group.rules);
const dashboard = (): Dashboard => JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
const promtool = (...args: string[]) =>
  run(onPath('promtool') as string, args, { cwd: workspaceFile('infra/prometheus') });

/** The rules and the dashboard an operator alerts and looks at, checked by Prometheus's own tool. */
describeWithProgram({
  path: onPath('promtool'),
  purpose: 'check Prometheus rules (promtool)',
  install: 'apt-get install prometheus',
})('Prometheus alerting rules and the Grafana dashboard', () => {
  it('are rules promtool accepts', async () => {
    const { stdout } = await promtool('check', 'rules', RULES);
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('raise each alert on the series that should raise it and on no other (promtool test rules)', async () => {
    const { stdout } = await promtool('test', 'rules', 'hypercare.rules.test.yml');
    expect(stdout).toMatch(/SUCCESS/);
    const tested = readFileSync(workspaceFile('infra/prometheus/hypercare.rules.test.yml'), 'utf8');
    expect(
      rules()
        .filter(({ alert }) => !tested.includes(`alertname: ${alert}`))
        .map(({ alert }) => alert),
    ).toEqual([]);
  });

  it('has dashboard panels whose every query is PromQL promtool parses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-'));
    const asRules = {
      groups: [
        {
          name: 'dashboard',
          rules: dashboard().panels.flatMap(({ targets }, panel) =>
            targets.map(({ expr }, target) => ({ record: `dashboard:panel${panel}:target${target}`, expr })),
          ),
        },
      ],
    };
    writeFileSync(join(dir, 'dashboard.rules.yml'), JSON.stringify(asRules));
    const { stdout } = await promtool('check', 'rules', join(dir, 'dashboard.rules.yml'));
    expect(stdout).toMatch(new RegExp(`SUCCESS: ${asRules.groups[0]?.rules.length} rules found`));
  });
});

describe('the metrics the rules and the dashboard name', () => {
  it('are all declared by the services, and every one the services declare is on the dashboard', () => {
    const declared = declaredMetrics();
    const used = new Set([
      ...rules().flatMap(({ expr }) => metricsIn(expr)),
      ...dashboard().panels.flatMap(({ targets }) => targets.flatMap(({ expr }) => metricsIn(expr))),
    ]);
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    const charted = new Set(
      dashboard().panels.flatMap(({ targets }) => targets.flatMap(({ expr }) => metricsIn(expr))),
    );
    expect([...declared].filter((name) => !charted.has(name))).toEqual([]);
  });
});
