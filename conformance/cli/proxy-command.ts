// `dropin proxy --config FILE`: validate the config, start the reference proxy, run until
// interrupted. A config problem is a usage error (exit 2) naming the path and the fix.
import { ConfigError, loadConfig, redactConfig } from '../../reference-proxy/config/load.ts';
import { startProxy } from '../../reference-proxy/index.ts';
import { UsageError } from './usage-error.ts';

export async function proxyCommand(flags: { config: string; printConfig?: boolean }): Promise<number> {
  let config;
  try {
    config = loadConfig(flags.config, process.env);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  if (flags.printConfig) {
    process.stdout.write(`${JSON.stringify(redactConfig(config), null, 2)}\n`);
    return 0;
  }
  const proxy = await startProxy(config);
  process.stderr.write(`dropin proxy listening on ${proxy.url} (${config.backends.length} backends)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await proxy.close();
  return 0;
}
