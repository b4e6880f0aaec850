import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { SHUTDOWN_GRACE_MS } from '@hypercare/service-kit';
import { describeWithProgram, onPath } from '@hypercare/testing';
import { parseAllDocuments } from 'yaml';
import { workspaceFile } from './declared-metrics';

const run = promisify(execFile);
const SERVICES = ['intake', 'triage', 'monitoring', 'feedback', 'reporting'];

interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: Record<string, unknown> & {
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}
interface Probe {
  httpGet: { path: string; port: string };
}
interface PodSpec {
  terminationGracePeriodSeconds: number;
  containers: Array<{
    command: string[];
    ports: Array<{ name: string; containerPort: number }>;
    envFrom: Array<{ configMapRef: { name: string } }>;
    env: Array<{ name: string; valueFrom?: { secretKeyRef?: { key: string } } }>;
    startupProbe?: Probe;
    livenessProbe?: Probe;
    readinessProbe?: Probe;
    resources: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  }>;
}

const render = async (kustomization: string): Promise<{ yaml: string; objects: K8sObject[] }> => {
  const { stdout } = await run(onPath('kubectl') as string, ['kustomize', workspaceFile(kustomization)]);
  return { yaml: stdout, objects: parseAllDocuments(stdout).map((document) => document.toJS() as K8sObject) };
};

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>): boolean =>
  Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);

/**
 * The cluster manifests, rendered by kustomize as a cluster would receive them and validated
 * offline against the Kubernetes API schemas (kubernetes-models, tools/validate-k8s.mjs).
 */
describeWithProgram({
  path: onPath('kubectl'),
  purpose: 'render the kustomizations (kubectl kustomize)',
  install: 'install kubectl (https://kubernetes.io/docs/tasks/tools/)',
})('Kubernetes manifests', () => {
  describe.each(['infra/k8s/base', 'infra/k8s/overlays/production'])('%s', (kustomization) => {
    let rendered: { yaml: string; objects: K8sObject[] };
    beforeAll(async () => (rendered = await render(kustomization)));
    const of = (kind: string, name: string) =>
      rendered.objects.find((object) => object.kind === kind && object.metadata.name.startsWith(name));

    it('holds only objects the Kubernetes API schemas accept', () => {
      const validation = spawnSync(process.execPath, [workspaceFile('tools/validate-k8s.mjs')], {
        input: rendered.yaml,
        encoding: 'utf8',
      });
      expect(JSON.parse(validation.stdout)).toEqual({ objects: rendered.objects.length, problems: [] });
    });

    it.each(SERVICES)(
      'runs %s as its bundle, probed for start-up, liveness and readiness, with resources requested',
      (name) => {
        const pod = of('Deployment', name)?.spec?.template?.spec as PodSpec;
        const [container] = pod.containers;
        expect(container?.command).toEqual(['node', `dist/services/${name}/main.js`]);
        expect(container?.startupProbe?.httpGet.path).toBe('/health/live');
        expect(container?.livenessProbe?.httpGet.path).toBe('/health/live');
        expect(container?.readinessProbe?.httpGet.path).toBe('/health/ready');
        expect(container?.resources.requests).toEqual({
          cpu: expect.any(String),
          memory: expect.any(String),
        });
        expect(container?.resources.limits?.memory).toEqual(expect.any(String));
        expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(SHUTDOWN_GRACE_MS);
      },
    );

    it.each(SERVICES)('reaches %s through a Service and keeps one replica through disruptions', (name) => {
      const labels = of('Deployment', name)?.spec?.template?.metadata.labels ?? {};
      expect(matches(of('Service', name)?.spec?.selector, labels)).toBe(true);
      expect(matches(of('PodDisruptionBudget', name)?.spec?.selector?.matchLabels, labels)).toBe(true);
      expect(of('PodDisruptionBudget', name)?.spec?.['minAvailable']).toBe(1);
    });

    it('listens on the port its probes and Service name, on every interface', () => {
      const config = rendered.objects.find((object) => object.kind === 'ConfigMap')?.data ?? {};
      expect(config['HOST']).toBe('0.0.0.0');
      for (const name of SERVICES) {
        const [container] = (of('Deployment', name)?.spec?.template?.spec as PodSpec).containers;
        expect(container?.ports).toEqual([{ name: 'http', containerPort: Number(config['PORT']) }]);
      }
    });

    it('documents every variable it sets and every secret key it reads', () => {
      const configuration = readFileSync(workspaceFile('docs/configuration.md'), 'utf8');
      const readme = readFileSync(workspaceFile('infra/k8s/README.md'), 'utf8');
      const config = rendered.objects.find((object) => object.kind === 'ConfigMap')?.data ?? {};
      const containers = SERVICES.flatMap(
        (name) => (of('Deployment', name)?.spec?.template?.spec as PodSpec).containers,
      );
      const variables = new Set([
        ...Object.keys(config),
        ...containers.flatMap(({ env }) => env.map((e) => e.name)),
      ]);
      expect([...variables].filter((variable) => !configuration.includes(`\`${variable}\``))).toEqual([]);
      const keys = new Set(
        containers.flatMap(({ env }) => env.flatMap((e) => e.valueFrom?.secretKeyRef?.key ?? [])),
      );
      expect([...keys].filter((key) => !readme.includes(`\`${key}\``))).toEqual([]);
    });
  });
});
