// The `ollama` target: start ollama/ollama in a container with testcontainers, pull the models,
// hand the suite its URL, stop it afterwards. Anything that cannot be had here — Docker, the
// image, a model — makes the target skipped with a message that says which and how to fix it.
import { createServer } from 'node:net';
import { GenericContainer, getContainerRuntimeClient, Wait, type StartedTestContainer } from 'testcontainers';
import type { OpenedTarget, TargetSpec } from './target-spec.ts';
import { claimsOf, TargetSkipped } from './target-spec.ts';

export const DEFAULT_OLLAMA_IMAGE = 'ollama/ollama:latest';

class OllamaContainer extends GenericContainer {
  /** expose every GPU, as `docker run --gpus all` does */
  withAllGpus(): this {
    this.hostConfig.DeviceRequests = [{ Driver: 'nvidia', Count: -1, Capabilities: [['gpu']] }];
    return this;
  }
}

export async function startOllama(spec: TargetSpec, env: NodeJS.ProcessEnv = process.env): Promise<OpenedTarget> {
  const image = spec.image ?? DEFAULT_OLLAMA_IMAGE;
  const models = spec.models?.length ? spec.models : spec.model ? [spec.model] : ['llama3.2:1b'];
  const runtime = await dockerOrSkip();
  const hostNetwork = env.DROPIN_DOCKER_NETWORK === 'host' || (env.DROPIN_DOCKER_NETWORK !== 'bridge' && !(await hasBridge(runtime)));
  const port = hostNetwork ? await freePort() : 11434;
  const container = new OllamaContainer(image)
    .withEnvironment({ OLLAMA_HOST: hostNetwork ? `127.0.0.1:${port}` : '0.0.0.0:11434' })
    .withLabels({ 'dev.dropin.target': spec.name })
    .withWaitStrategy(Wait.forLogMessage(/Listening on/))
    .withStartupTimeout(120_000);
  if (hostNetwork) container.withNetworkMode('host');
  else container.withExposedPorts(11434);
  if (spec.gpu === 'on' || (spec.gpu !== 'off' && (await hasNvidiaRuntime(runtime)))) container.withAllGpus();

  let started: StartedTestContainer;
  try {
    started = await container.start();
  } catch (e) {
    throw new TargetSkipped(
      `the image ${image} could not be started (${firstLine(e)}). Pull it where a registry is reachable (docker pull ${image}) or load it (docker load -i ollama.tar), then run again`,
    );
  }
  try {
    // the embedding and vision models the spec names are pulled too
    for (const model of new Set([...models, spec.embeddingModel, spec.visionModel].filter((m): m is string => !!m))) await pull(started, model);
  } catch (e) {
    await started.stop().catch(() => {});
    throw e;
  }
  const host = hostNetwork ? '127.0.0.1' : started.getHost();
  const mapped = hostNetwork ? port : started.getMappedPort(11434);
  return {
    target: { name: spec.name, kind: 'ollama', baseUrl: `http://${host}:${mapped}/v1`, model: models[0], headers: spec.headers ?? {}, ...claimsOf(spec) },
    close: async () => {
      await started.stop({ timeout: 10_000 });
    },
  };
}

async function dockerOrSkip() {
  try {
    return await getContainerRuntimeClient();
  } catch (e) {
    throw new TargetSkipped(`Docker is not available (${firstLine(e)}). Install and start Docker, or test a running Ollama with a url target`);
  }
}

/** Engines started with --bridge=none (host networking only) cannot map ports: use the host network. */
async function hasBridge(runtime: Awaited<ReturnType<typeof getContainerRuntimeClient>>): Promise<boolean> {
  try {
    await runtime.network.getById('bridge').inspect();
    return true;
  } catch {
    return false;
  }
}

async function hasNvidiaRuntime(runtime: Awaited<ReturnType<typeof getContainerRuntimeClient>>): Promise<boolean> {
  const info = (await runtime.info) as unknown as { containerRuntime?: { runtimes?: string[] } };
  return info.containerRuntime?.runtimes?.includes('nvidia') ?? false;
}

async function pull(container: StartedTestContainer, model: string): Promise<void> {
  const result = await container.exec(['ollama', 'pull', model]);
  if (result.exitCode !== 0) {
    throw new TargetSkipped(
      `the model ${model} could not be pulled (${firstLine(result.output)}). Check the name on the Ollama library and that the registry is reachable, or mount a models volume that holds it`,
    );
  }
}

/** A port free on 127.0.0.1 right now (the OS picks it; the caller binds it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? 'no details';
}
