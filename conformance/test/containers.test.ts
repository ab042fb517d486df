// The container path for real: dropin's emulator and reference proxy (run by Node, and by Bun) as
// images built here (scripts/build-images.sh, no registry), started with testcontainers in host
// network mode, and the suite run against each proxy container in front of the emulator container.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES } from '../../fixtures/emulator/profiles.ts';
import { runSuite } from '../run/run-suite.ts';
import { startOllama } from '../targets/ollama.ts';
import { TargetSkipped } from '../targets/target-spec.ts';
import { dockerRequirement, needs } from './requirements.ts';

const LABEL = 'dev.dropin.test';
const ROOT = new URL('../../', import.meta.url).pathname;

// without a Docker engine: skipped with the reason, or a failure where CI requires Docker
const docker = needs(dockerRequirement());

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** With Ryuk off, containers that failed to start are left running: remove ours by label. */
function sweep(): void {
  for (const label of [`${LABEL}=containers`, 'dev.dropin.target']) {
    const ids = execFileSync('docker', ['ps', '-aq', '--filter', `label=${label}`], { encoding: 'utf8' }).trim();
    if (ids) execFileSync('docker', ['rm', '-f', ...ids.split('\n')], { stdio: 'ignore' });
  }
}

describe.skipIf(!docker)('containers: the suite against the proxy image in front of the emulator image', () => {
  const started: StartedTestContainer[] = [];

  beforeAll(() => {
    execFileSync('bash', ['scripts/build-images.sh'], { cwd: ROOT, stdio: 'inherit', timeout: 600_000 });
  }, 660_000);

  afterAll(async () => {
    for (const c of started) await c.stop({ timeout: 5_000 }).catch(() => {});
    sweep();
  });

  // the proxy image run by Node, and its Bun variant (reference-proxy/bun.Dockerfile)
  it.each(['dropin/proxy:dev', 'dropin/proxy-bun:dev'])('certifies the proxy container %s: every MUST and SHOULD check passes', async (image) => {
    const [emuPort, proxyPort] = [await freePort(), await freePort()];
    const emulator = await new GenericContainer('dropin/emulator:dev')
      .withNetworkMode('host')
      .withCommand(['--port', String(emuPort), '--host', '127.0.0.1'])
      .withLabels({ [LABEL]: 'containers' })
      .withWaitStrategy(Wait.forLogMessage(/listening on/))
      .withStartupTimeout(60_000)
      .start();
    started.push(emulator);
    const config = [
      `listen: { host: 127.0.0.1, port: ${proxyPort} }`,
      'backends:',
      '  - name: emulator',
      `    baseUrl: http://127.0.0.1:${emuPort}/v1`,
      '    models: [dropin-emulator-1, dropin-emulator-mini]',
      '    profile: openai',
    ].join('\n');
    const proxy = await new GenericContainer(image)
      .withNetworkMode('host')
      .withEnvironment({ DROPIN_PORT: String(proxyPort) })
      .withCopyContentToContainer([{ content: config, target: '/etc/dropin/proxy.yaml', mode: 0o644 }])
      .withLabels({ [LABEL]: 'containers' })
      .withWaitStrategy(Wait.forLogMessage(/listening on/))
      .withStartupTimeout(60_000)
      .start();
    started.push(proxy);

    const run = await runSuite([{ name: 'proxy-container', kind: 'url', baseUrl: `http://127.0.0.1:${proxyPort}/v1`, model: 'dropin-emulator-1' }], {
      failOn: 'should',
    });
    const bad = run.targets[0].checks.filter((c) => c.status === 'fail' || c.status === 'error');
    expect(bad.map((c) => `${c.id} (${c.scenario}): ${c.message}`)).toEqual([]);
    expect(run.exitCode).toBe(0);
  }, 180_000);

  describe('the ollama target', () => {
    const env = process.env;

    it('is skipped, naming the image and the fix, when the image cannot be pulled', async () => {
      const err = await startOllama({ name: 'o', kind: 'ollama', image: 'ollama/ollama:0.0.0-not-here', models: ['llama3.2:1b'] }, env).catch((e) => e);
      expect(err).toBeInstanceOf(TargetSkipped);
      expect(err.message).toMatch(/ollama\/ollama:0\.0\.0-not-here could not be started/);
      expect(err.message).toMatch(/docker pull/);
      sweep();
    });

    it('starts the image, pulls the models, and the suite runs against it (stand-in image)', async () => {
      const spec = { name: 'ollama', kind: 'ollama' as const, image: 'dropin/fake-ollama:dev', models: ['llama3.2:1b'], embeddingModel: 'nomic-embed-text', visionModel: 'llama3.2-vision:11b', reasoning: true };
      const run = await runSuite([spec], {
        timeoutMs: 20_000,
      }).finally(sweep);
      const target = run.targets[0];
      expect(target.skipped).toBeUndefined();
      expect(target.error).toBeUndefined();
      expect(target.model).toBe('llama3.2:1b');
      // Ollama's documented deviations are found through the container as in process
      const failing = [...new Set(target.checks.filter((c) => c.status === 'fail').map((c) => c.id))].sort();
      expect(failing).toEqual([...new Set(PROFILES.ollama.expectedFailures)].sort());
      expect(target.checks.filter((c) => c.status === 'error')).toEqual([]);
    }, 120_000);

    it('is skipped, naming the model, when a model cannot be pulled', async () => {
      const err = await startOllama({ name: 'o', kind: 'ollama', image: 'dropin/fake-ollama:dev', models: ['no-such-model:7b'] }, env).catch((e) => e);
      sweep();
      expect(err).toBeInstanceOf(TargetSkipped);
      expect(err.message).toMatch(/no-such-model:7b could not be pulled/);
    }, 120_000);
  });
});
