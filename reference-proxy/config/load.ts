// The one way to get a ProxyConfig: validate the shape (schema.json), resolve env: secrets, fill
// defaults, check cross-references. Every problem is reported at once, each naming its path.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ProxyConfig } from '../types.ts';
import { crossCheck } from './cross-refs.ts';
import { applyDefaults, type RawConfig } from './defaults.ts';
import { resolveSecrets } from './secrets.ts';
import { validateShape } from './validate-shape.ts';

export { redactConfig } from './redact.ts';

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[], source = 'proxy config') {
    const list = problems.map((p) => `  - ${p}`).join('\n');
    super(`${source} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; fix ${problems.length === 1 ? 'it' : 'them'} and start again:\n${list}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = process.env): ProxyConfig {
  const shape = validateShape(raw);
  if (shape.length > 0) throw new ConfigError(shape);
  const { config: resolved, problems: secretProblems } = resolveSecrets(raw as RawConfig, env);
  const config = applyDefaults(resolved);
  const problems = [...secretProblems, ...crossCheck(config)];
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): ProxyConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError([`cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the --config path`], path);
  }
  let raw: unknown;
  try {
    raw = parseText(text, extname(path).toLowerCase());
  } catch (err) {
    throw new ConfigError([`is not valid ${extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`], path);
  }
  try {
    return parseConfig(raw, env);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(err.problems, path);
    throw err;
  }
}

/** JSON by extension, or when the content starts like JSON; YAML otherwise (YAML 1.2 reads JSON too, but with worse errors). */
function parseText(text: string, ext: string): unknown {
  if (ext === '.json' || (ext !== '.yaml' && ext !== '.yml' && /^\s*[{[]/.test(text))) return JSON.parse(text);
  return parseYaml(text);
}
