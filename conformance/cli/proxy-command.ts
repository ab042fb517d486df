// `dropin proxy`: validate the config (a file, or one built from --ollama), start the reference
// proxy, run until interrupted. --port and --host override the config's listen address. A config
// problem is a usage error (exit 2) naming the path and the fix.
import { ConfigError, loadConfig, parseConfig } from '../../reference-proxy/config/load.ts';
import { describeConfig } from '../../reference-proxy/detect/describe-config.ts';
import { startProxy } from '../../reference-proxy/index.ts';
import type { ProxyConfig } from '../../reference-proxy/types.ts';
import { UsageError } from './usage-error.ts';

export interface ProxyFlags {
  config?: string;
  ollama?: string | boolean;
  port?: string;
  host?: string;
  printConfig?: boolean;
}

export const DEFAULT_OLLAMA = 'http://127.0.0.1:11434/v1';

export async function proxyCommand(flags: ProxyFlags): Promise<number> {
  if (!flags.config === !flags.ollama) throw new UsageError('dropin proxy needs either --config FILE or --ollama [URL]');
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be 0..65535 (got "${flags.port}")`);
  if (flags.host !== undefined && flags.host.trim() === '') throw new UsageError('--host needs an address, e.g. 127.0.0.1 or 0.0.0.0');
  const config = flags.config ? fromFile(flags.config) : await fromOllama(flags.ollama === true ? DEFAULT_OLLAMA : String(flags.ollama));
  config.listen = { ...config.listen, ...(port === undefined ? {} : { port }), ...(flags.host === undefined ? {} : { host: flags.host }) };
  if (flags.printConfig) {
    process.stdout.write(`${JSON.stringify(await describeConfig(config), null, 2)}\n`);
    return 0;
  }
  const proxy = await startProxy(config).catch((e: unknown) => {
    // a setting the runtime cannot honour (on Bun) is the config's problem, like any other
    throw e instanceof ConfigError ? new UsageError(e.message) : e;
  });
  process.stderr.write(`dropin proxy listening on ${proxy.url} (${config.backends.length} backends)\n`);
  await nextSignal();
  // SIGTERM (Kubernetes, compose) or Ctrl-C: drain; a second signal stops at once
  process.stderr.write(`dropin proxy draining: requests in flight get up to ${config.shutdown.drainMs} ms; signal again to stop now\n`);
  await Promise.race([proxy.shutdown(), nextSignal().then(() => proxy.close())]);
  process.stderr.write('dropin proxy stopped\n');
  return 0;
}

function nextSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

function fromFile(path: string): ProxyConfig {
  try {
    return loadConfig(path, process.env);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** One command in front of a local Ollama: its models are read from its own /v1/models. */
async function fromOllama(baseUrl: string): Promise<ProxyConfig> {
  const url = baseUrl.replace(/\/+$/, '').replace(/(\/v1)?$/, '/v1');
  let models: string[];
  try {
    const res = await fetch(`${url}/models`, { signal: AbortSignal.timeout(5_000) });
    const body = (await res.json()) as { data?: Array<{ id?: unknown }> | null };
    models = (body.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string');
  } catch (e) {
    throw new UsageError(`cannot list the models of Ollama at ${url} (${(e as Error).message}); start it with \`ollama serve\` or pass --ollama URL`);
  }
  if (models.length === 0) throw new UsageError(`Ollama at ${url} has no models; pull one first, e.g. \`ollama pull llama3.2:3b\``);
  try {
    return parseConfig(
      {
        listen: { host: '127.0.0.1', port: 8080 },
        // no profile: detection tells Ollama before v0.32.6 (legacy) from a current one
        backends: [{ name: 'ollama', baseUrl: url, models }],
      },
      process.env,
    );
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}
