import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@trellis/config';

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};

const ROOT = join(__dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/k8s/check-manifests.mjs');

function check(root?: string) {
  return spawnSync(process.execPath, [SCRIPT, '--json', ...(root ? ['--root', root] : [])], { encoding: 'utf8' });
}

/** Source files that define metrics: the names the rules and the dashboard may use. */
function definedMetricNames(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(/name: '(trellis_[a-z_]+)'/g)) names.add(m[1]);
    }
  };
  walk(join(ROOT, 'apps'));
  walk(join(ROOT, 'libs'));
  return names;
}

describe('Kubernetes manifests: every overlay renders and matches the API schemas, offline', () => {
  let rendered: Record<string, K8sObject[]>;

  beforeAll(() => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    rendered = JSON.parse(result.stdout);
  });

  const find = (overlay: string, kind: string, name: string) => {
    const found = rendered[overlay].find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`${overlay} has no ${kind}/${name}`);
    return found;
  };

  it('renders both variants: a one-node clinic and an autoscaled, spread, monitored hosted one', () => {
    expect(Object.keys(rendered).sort()).toEqual(['clinic', 'hosted', 'secret.template']);
    expect(find('clinic', 'Deployment', 'trellis-api').spec.replicas).toBe(1);
    expect(rendered.clinic.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);

    for (const role of ['api', 'worker']) {
      const deployment = find('hosted', 'Deployment', `trellis-${role}`);
      const hpa = find('hosted', 'HorizontalPodAutoscaler', `trellis-${role}`);
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: `trellis-${role}` });
      // The autoscaler owns the count: a count in the Deployment would reset the pods on every apply.
      expect(deployment.spec.replicas).toBeUndefined();
      expect(hpa.spec.minReplicas).toBe(role === 'api' ? 3 : 2);
      expect(find('hosted', 'PodDisruptionBudget', `trellis-${role}`).spec.selector.matchLabels).toEqual(
        deployment.spec.selector.matchLabels,
      );
      const keys = deployment.spec.template.spec.topologySpreadConstraints.map((c: any) => c.topologyKey);
      expect(keys.sort()).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
    }
    const workerMetrics = find('hosted', 'HorizontalPodAutoscaler', 'trellis-worker').spec.metrics;
    expect(workerMetrics.map((m: any) => m.type).sort()).toEqual(['External', 'Resource']);
  });

  it('runs the migration Job with the same image as the Deployments, marked to run before them', () => {
    for (const overlay of ['clinic', 'hosted']) {
      const job = find(overlay, 'Job', 'trellis-migrate');
      const images = ['api', 'worker'].map(
        (role) => find(overlay, 'Deployment', `trellis-${role}`).spec.template.spec.containers[0].image,
      );
      expect(images).toEqual([job.spec.template.spec.containers[0].image, job.spec.template.spec.containers[0].image]);
      expect(job.spec.template.spec.containers[0].args).toEqual([
        'node',
        'dist/apps/api/apps/api/src/cli.js',
        'migrate',
      ]);
      expect((job.metadata as any).annotations['argocd.argoproj.io/hook']).toBe('PreSync');
    }
  });

  it('scrapes each pod on its metrics port once, which the public Service never routes', () => {
    for (const overlay of ['clinic', 'hosted']) {
      const config = find(overlay, 'ConfigMap', 'trellis-config').data as Record<string, string>;
      for (const role of ['api', 'worker']) {
        const pod = find(overlay, 'Deployment', `trellis-${role}`).spec.template;
        // The clinic is scraped by annotations; the hosted variant by its PodMonitor alone.
        if (overlay === 'clinic') expect(pod.metadata.annotations['prometheus.io/port']).toBe(config.METRICS_PORT);
        else
          expect(Object.keys(pod.metadata.annotations ?? {}).filter((k) => k.startsWith('prometheus.io/'))).toEqual([]);
        expect(pod.spec.containers[0].ports).toContainEqual({
          name: 'metrics',
          containerPort: Number(config.METRICS_PORT),
        });
      }
      const service = find(overlay, 'Service', 'trellis-api');
      expect(service.spec.ports.map((p: any) => p.targetPort)).toEqual(['http']);
    }
    const monitor = find('hosted', 'PodMonitor', 'trellis');
    expect(monitor.spec.podMetricsEndpoints[0].port).toBe('metrics');
  });

  it('names only metrics the apps export, in the alert rules and the dashboard', () => {
    const defined = definedMetricNames();
    const rule = find('hosted', 'PrometheusRule', 'trellis');
    const dashboard = find('hosted', 'ConfigMap', 'trellis-grafana-dashboard').data as Record<string, string>;
    const text = JSON.stringify(rule.spec) + dashboard['grafana-dashboard.json'];
    const used = new Set([...text.matchAll(/trellis_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
    const alerts = rule.spec.groups.flatMap((g: any) => g.rules.map((r: any) => r.alert));
    expect(alerts).toEqual(
      expect.arrayContaining(['TrellisOutboxGrowing', 'TrellisEmailsFailing', 'TrellisRemindersLate']),
    );
    const panels = JSON.parse(dashboard['grafana-dashboard.json']).panels;
    expect(panels.length).toBeGreaterThan(5);
    // Every series the dashboard draws is this namespace's, never another install's on the same Prometheus.
    const selectors = panels.flatMap((p: any) =>
      p.targets.flatMap((t: any) => [...t.expr.matchAll(/\b(?:trellis|process|nodejs)_[a-z0-9_]+(\{[^}]*\})?/g)]),
    );
    expect(selectors.length).toBeGreaterThan(panels.length);
    expect(
      selectors
        .filter((m: RegExpMatchArray) => !m[1]?.includes('namespace="$namespace"'))
        .map((m: RegExpMatchArray) => m[0]),
    ).toEqual([]);
  });

  it('gives the apps every setting they require: the Secret template holds each required secret', () => {
    const secret = rendered['secret.template'][0].stringData as Record<string, string>;
    expect(Object.keys(secret)).toContain('DATA_ENCRYPTION_KEY');
    for (const overlay of ['clinic', 'hosted']) {
      const env = { ...(find(overlay, 'ConfigMap', 'trellis-config').data as Record<string, string>), ...secret };
      // Every variable the apps require is set by the ConfigMap or the Secret template...
      let required: string[] = [];
      try {
        loadConfig({});
      } catch (error) {
        required = (error as ConfigError).problems.filter((p) => p.includes('is required')).map((p) => p.split(':')[0]);
      }
      expect(required.length).toBeGreaterThan(0);
      expect(required.filter((name) => !(name in env))).toEqual([]);
      // ...and the only values that do not load are the template's placeholders (invalid on purpose).
      let problems: string[] = [];
      try {
        loadConfig(env);
      } catch (error) {
        problems = (error as ConfigError).problems;
      }
      expect(problems.map((p) => p.split(':')[0]).filter((name) => !(name in secret))).toEqual([]);
      // Filled in, the same settings load, with metrics on their own port reachable by the scraper.
      const filled = {
        ...env,
        DATABASE_URL: 'postgres://trellis:pw@db.internal:5432/trellis',
        REDIS_URL: 'rediss://:pw@redis.internal:6379',
        SESSION_SECRET: 's'.repeat(48),
        DATA_ENCRYPTION_KEY: 'k'.repeat(48),
        SMTP_URL: 'smtps://user:pw@smtp.internal:465',
      };
      const config = loadConfig(filled);
      expect(config.metrics).toEqual({ port: 9464, host: '0.0.0.0' });
      expect(config.env).toBe('production');
    }
  });

  describe('fails on a broken manifest', () => {
    let copy: string;
    beforeEach(() => {
      copy = mkdtempSync(join(tmpdir(), 'trellis-k8s-'));
      cpSync(join(ROOT, 'infra/k8s'), copy, { recursive: true });
    });
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    it('a field of the wrong type, a missing required field, a kind its API version lacks: each named', () => {
      const api = join(copy, 'base/api.yaml');
      writeFileSync(api, readFileSync(api, 'utf8').replace('containerPort: 3000', "containerPort: 'three thousand'"));
      const hpa = join(copy, 'overlays/hosted/autoscaling.yaml');
      writeFileSync(hpa, readFileSync(hpa, 'utf8').replace('  maxReplicas: 10\n', ''));
      const job = join(copy, 'base/migrate-job.yaml');
      writeFileSync(job, readFileSync(job, 'utf8').replace('apiVersion: batch/v1', 'apiVersion: apps/v1'));
      const result = check(copy);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/overlays\/clinic: Deployment\/trellis-api: .*containerPort must be integer/);
      expect(result.stderr).toMatch(/overlays\/hosted: Deployment\/trellis-api: .*containerPort must be integer/);
      expect(result.stderr).toMatch(/overlays\/hosted: HorizontalPodAutoscaler\/trellis-api: .*maxReplicas/);
      expect(result.stderr).toMatch(/Job\/trellis-migrate: Job is not a kind of apps\/v1/);
    });

    it('a misspelled field, at the top of a spec or deep in a pod, in a base or a monitoring object', () => {
      const api = join(copy, 'base/api.yaml');
      writeFileSync(api, readFileSync(api, 'utf8').replace('  replicas: 2\n', '  replicaz: 2\n'));
      const worker = join(copy, 'base/worker.yaml');
      writeFileSync(worker, readFileSync(worker, 'utf8').replace(/( +)readinessProbe:/, '$1readinesProbe:'));
      const monitor = join(copy, 'monitoring/pod-monitor.yaml');
      writeFileSync(monitor, readFileSync(monitor, 'utf8').replace('podMetricsEndpoints:', 'podMetricEndpoints:'));
      const result = check(copy);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/overlays\/clinic: Deployment\/trellis-api: field spec\.replicaz is not a field/);
      expect(result.stderr).toMatch(
        /overlays\/hosted: Deployment\/trellis-worker: field spec\.template\.spec\.containers\[0\]\.readinesProbe is not a field/,
      );
      expect(result.stderr).toMatch(
        /overlays\/hosted: PodMonitor\/trellis: field spec\.podMetricEndpoints is not a field/,
      );
    });

    it('an overlay kustomize cannot render', () => {
      writeFileSync(
        join(copy, 'overlays/clinic/size.yaml'),
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nobody\n',
      );
      const result = check(copy);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/overlays\/clinic: kustomize failed/);
    });
  });

  it('renders with the kubectl on PATH (Debian kubernetes-client or newer)', () => {
    expect(execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' })).toMatch(/Client Version/);
  });
});
