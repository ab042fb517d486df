// Loads a --config file (YAML or JSON) of named targets and run settings, validated against
// run-config.schema.json; every problem is reported with its path and what to change.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { PROFILES } from '../../fixtures/emulator/profiles.ts';
import { QUIRK_NAMES } from '../../fixtures/emulator/quirks.ts';
import { PRESETS } from '../targets/presets.ts';
import type { TargetSpec } from '../targets/target-spec.ts';
import type { Capability } from '../types.ts';
import { notAllowed } from './allowed-values.ts';
import { UsageError } from './usage-error.ts';

export interface RunConfigFile {
  repeat?: number;
  only?: Capability[];
  failOn?: 'must' | 'should' | 'never';
  allowSkipped?: boolean;
  out?: string;
  concurrency?: number;
  targetConcurrency?: number;
  timeoutMs?: number;
  targets: TargetSpec[];
}

const schema = JSON.parse(readFileSync(new URL('./run-config.schema.json', import.meta.url), 'utf8'));
const validateConfig = new Ajv2020({ allErrors: true, strict: true, useDefaults: true }).compile(schema);

export function loadRunConfig(path: string, env: NodeJS.ProcessEnv): RunConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new UsageError(`config file ${path} is not valid YAML/JSON: ${(e as Error).message}`);
  }
  return parseRunConfig(raw, env, path);
}

export function parseRunConfig(raw: unknown, env: NodeJS.ProcessEnv, source = 'config'): RunConfigFile {
  if (!validateConfig(raw)) {
    const problems = (validateConfig.errors ?? []).map((e) => {
      const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
      const extra =
        e.keyword === 'additionalProperties' ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
        : e.keyword === 'enum' ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
        : '';
      return `  ${where}: ${e.message}${extra}`;
    });
    throw new UsageError(`${source} is invalid:\n${problems.join('\n')}`);
  }
  const config = raw as RunConfigFile;
  const names = new Set<string>();
  config.targets.forEach((t, i) => {
    const where = `${source}: targets[${i}]`;
    if (names.has(t.name)) throw new UsageError(`${where}.name: "${t.name}" is used twice; give each target its own name`);
    names.add(t.name);
    t.kind ??= 'url';
    if (t.kind === 'url' && !t.baseUrl) throw new UsageError(`${where}: a url target needs baseUrl (e.g. http://127.0.0.1:11434/v1)`);
    if (t.kind === 'url' && !t.model) throw new UsageError(`${where}: a url target needs model (the model id to test)`);
    if (t.kind === 'preset' && !t.preset) throw new UsageError(`${where}: a preset target needs preset (one of ${Object.keys(PRESETS).join(', ')})`);
    if (t.kind === 'replay' && !t.transcript) throw new UsageError(`${where}: a replay target needs transcript (a file written by dropin record)`);
    if (t.profile !== undefined && !(t.profile in PROFILES)) throw notAllowed(`${where}.profile`, t.profile, Object.keys(PROFILES));
    const badQuirk = (t.quirks ?? []).find((q) => !(QUIRK_NAMES as string[]).includes(q));
    if (badQuirk !== undefined) throw notAllowed(`${where}.quirks`, badQuirk, QUIRK_NAMES);
    if (t.apiKey) t.apiKey = resolveSecret(t.apiKey, env, `${where}.apiKey`);
  });
  return config;
}

export function resolveSecret(value: string, env: NodeJS.ProcessEnv, where: string): string {
  if (!value.startsWith('env:')) return value;
  const name = value.slice(4);
  const resolved = env[name];
  if (!resolved) throw new UsageError(`${where}: environment variable ${name} is not set; export it or change ${where}`);
  return resolved;
}
