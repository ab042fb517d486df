// deploy/ checked without a cluster: every Kubernetes object validates against the Kubernetes
// schemas (kubernetes-models, offline), and what no schema can see is cross-checked: the probes
// hit routes the proxy serves, ports and names line up, the grace period covers the drain, and
// the proxy config in the ConfigMap (and in the compose file) loads with the proxy's own loader.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, parseConfig } from '../../config/load.ts';
import { ROUTES } from '../../handlers/routes.ts';
import type { ProxyConfig } from '../../types.ts';
import { compose, find, kubernetesFiles, kubernetesObjects, kustomization } from './manifests.ts';

const MODELS: Record<string, { validate(): void; new (data: any): { validate(): void } }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
} as any;

const objects = kubernetesObjects();
const deployment = find(objects, 'Deployment', 'dropin-proxy');
const pod = deployment.spec.template.spec;
const container = pod.containers.find((c: any) => c.name === 'proxy');
const secretEnv: Record<string, string> = find(objects, 'Secret', 'dropin-proxy').stringData;
const dir = mkdtempSync(join(tmpdir(), 'dropin-deploy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ConfigMap's proxy.yaml, loaded from a file as the container loads it, with the Secret as its environment. */
function configMapConfig(): ProxyConfig {
  const configMap = find(objects, 'ConfigMap', 'dropin-proxy');
  const file = join(dir, 'proxy.yaml');
  writeFileSync(file, configMap.data['proxy.yaml']);
  return loadConfig(file, secretEnv);
}

function validationError(doc: any): string | undefined {
  const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (!Model) return `no schema for ${doc.apiVersion} ${doc.kind}; add it to MODELS`;
  try {
    new Model(doc).validate();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('deploy/kubernetes against the Kubernetes schemas', () => {
  it('has every object valid', () => {
    expect(objects.length).toBeGreaterThanOrEqual(8);
    for (const { file, doc } of objects) expect(validationError(doc), `${file}: ${doc.kind} ${doc.metadata?.name}`).toBeUndefined();
  });

  it('would catch a broken manifest (the validator is live)', () => {
    const broken = structuredClone(deployment);
    broken.spec.replicas = 'two';
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    expect(validationError(broken)).toMatch(/replicas must be integer/);
    const noSelector = structuredClone(deployment);
    delete noSelector.spec.selector;
    expect(validationError(noSelector)).toMatch(/selector/);
  });

  it('lists every manifest in kustomization.yaml', () => {
    expect([...kustomization().resources].sort()).toEqual(kubernetesFiles());
  });
});

describe('deploy/kubernetes cross-checks', () => {
  const config = configMapConfig();
  const port = container.ports.find((p: any) => p.name === 'http');

  it('loads the ConfigMap’s proxy config with the proxy’s own loader, from the Secret’s keys', () => {
    expect(config.listen).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(config.state?.redis.url).toBe(secretEnv.REDIS_URL);
    expect(config.auth?.keys[0].key).toBe(secretEnv.DROPIN_APP_KEY);
    expect(container.envFrom).toEqual([{ secretRef: { name: 'dropin-proxy' } }]);
  });

  it('mounts the config where the container reads it', () => {
    const mount = container.volumeMounts.find((m: any) => m.name === 'config');
    const volume = pod.volumes.find((v: any) => v.name === 'config');
    expect(volume.configMap.name).toBe('dropin-proxy');
    expect(container.args).toEqual(['--config', `${mount.mountPath}/proxy.yaml`]);
  });

  it('probes routes the proxy serves: readiness /readyz, liveness /healthz, on its listening port', () => {
    const served = (path: string) => ROUTES.some((r) => r.path === path && r.method === 'GET');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(served(probe.httpGet.path)).toBe(true);
      expect(probe.httpGet.port).toBe('http');
    }
    expect(port.containerPort).toBe(config.listen.port);
    expect(container.env.find((e: any) => e.name === 'DROPIN_PORT').value).toBe(String(config.listen.port));
  });

  it('gives the drain its time: grace period >= preStop pause + shutdown.drainMs + a margin', () => {
    const pause = /setTimeout\(\(\) => \{\}, (\d+)\)/.exec(container.lifecycle.preStop.exec.command.join(' '));
    expect(pause).not.toBeNull();
    const needed = Number(pause?.[1]) / 1000 + config.shutdown.drainMs / 1000 + 5;
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(needed);
  });

  it('points the Service, the PodDisruptionBudget and the autoscaler at the proxy pods', () => {
    const labels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    const service = find(objects, 'Service', 'dropin-proxy');
    expect(service.spec.selector).toEqual(labels);
    expect(service.spec.ports[0].targetPort).toBe(port.name);
    expect(find(objects, 'PodDisruptionBudget').spec.selector.matchLabels).toEqual(labels);
    expect(find(objects, 'PodDisruptionBudget').spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    const hpa = find(objects, 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    // CPU utilisation is measured against the request: without one the HPA cannot scale
    expect(container.resources.requests.cpu).toBeDefined();
  });

  it('reaches the optional Redis at its Service, with its password', () => {
    const url = new URL(secretEnv.REDIS_URL);
    const service = find(objects, 'Service', 'dropin-redis');
    expect(url.hostname).toBe(service.metadata.name);
    expect(Number(url.port)).toBe(service.spec.ports[0].port);
    expect(decodeURIComponent(url.password)).toBe(secretEnv.REDIS_PASSWORD);
    const redis = find(objects, 'Deployment', 'dropin-redis').spec.template.spec.containers[0];
    expect(redis.args).toContain('$(REDIS_PASSWORD)');
    expect(redis.env[0].valueFrom.secretKeyRef).toEqual({ name: 'dropin-proxy', key: 'REDIS_PASSWORD' });
  });
});

describe('deploy/compose.yaml', () => {
  const file = compose();
  const env = { OPENAI_API_KEY: 'sk-compose', DROPIN_APP_KEY: 'app-compose', REDIS_URL: file.services.proxy.environment.REDIS_URL };
  const config = parseConfig(parse(file.configs.proxy.content), env);

  it('runs two proxy replicas sharing the compose Redis', () => {
    expect(file.services.proxy.deploy.replicas).toBeGreaterThanOrEqual(2);
    expect(new URL(env.REDIS_URL).hostname).toBe('redis');
    expect(file.services.redis).toBeDefined();
    expect(config.state?.redis.url).toBe(env.REDIS_URL);
    expect(file.services.proxy.configs).toEqual([{ source: 'proxy', target: '/etc/dropin/proxy.yaml' }]);
  });

  it('balances over the replicas on the port they listen on, without buffering streams', () => {
    const nginx: string = file.configs.nginx.content;
    expect(nginx).toContain(`server proxy:${config.listen.port} resolve;`);
    expect(nginx).toContain('proxy_buffering off;');
    expect(file.services.lb.ports).toEqual(['8080:8080']);
  });

  it('gives the drain its time: stop_grace_period >= shutdown.drainMs + a margin', () => {
    const grace = /^(\d+)s$/.exec(file.services.proxy.stop_grace_period);
    expect(Number(grace?.[1])).toBeGreaterThanOrEqual(config.shutdown.drainMs / 1000 + 5);
  });
});
