// Every check dropin has, by capability, and the Markdown tables of conformance/CHECKS.md rendered
// from their metadata, so the catalogue a user reads cannot drift from the checks that run.
import { CAPABILITIES, type Capability, type Check } from '../types.ts';
import { chatChecks } from './chat/index.ts';
import { errorsChecks } from './errors/index.ts';
import { jsonModeChecks } from './json_mode/index.ts';
import { completionsChecks } from './completions/index.ts';
import { embeddingsChecks } from './embeddings/index.ts';
import { modelsChecks, modelsRetrieveChecks } from './models/index.ts';
import { reasoningChecks } from './reasoning/index.ts';
import { visionChecks } from './vision/index.ts';
import { responsesChecks } from './responses/index.ts';
import { responsesToolsChecks } from './responses_tools/index.ts';
import { streamingChecks } from './streaming/index.ts';
import { structuredOutputsChecks } from './structured_outputs/index.ts';
import { toolsChecks } from './tools/index.ts';

export const CHECKS_BY_CAPABILITY: Record<Capability, Check[]> = {
  models: [...modelsChecks, ...modelsRetrieveChecks],
  chat: chatChecks,
  streaming: streamingChecks,
  tools: toolsChecks,
  json_mode: jsonModeChecks,
  structured_outputs: structuredOutputsChecks,
  errors: errorsChecks,
  responses: responsesChecks,
  responses_tools: responsesToolsChecks,
  embeddings: embeddingsChecks,
  completions: completionsChecks,
  reasoning: reasoningChecks,
  vision: visionChecks,
};

export const ALL_CHECKS: Check[] = CAPABILITIES.flatMap((c) => CHECKS_BY_CAPABILITY[c]);

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The table of one capability's checks, as it appears between its markers in CHECKS.md. */
export function checksTable(capability: Capability): string {
  const rows = CHECKS_BY_CAPABILITY[capability].map((c) => {
    const level = c.kind === 'behaviour' ? `${c.level} (behaviour)` : c.level;
    return `| \`${c.id}\` | ${level} | ${cell(c.title)} | ${cell(c.consequence)} | ${cell(c.evidence)} | ${cell(c.spec)} |`;
  });
  return ['| id | level | title | client consequence | evidence | spec |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export const tableStart = (capability: Capability) => `<!-- checks:${capability} (generated from the checks: npx tsx conformance/checks/write-catalogue.ts) -->`;
export const TABLE_END = '<!-- /checks -->';

/** CHECKS.md with every capability's table replaced by the one rendered from the checks. */
export function renderCatalogue(markdown: string): string {
  let out = markdown;
  for (const capability of CAPABILITIES) {
    const start = tableStart(capability);
    const from = out.indexOf(start);
    const to = out.indexOf(TABLE_END, from);
    if (from === -1 || to === -1) throw new Error(`dropin: CHECKS.md has no table markers for ${capability}`);
    out = `${out.slice(0, from + start.length)}\n${checksTable(capability)}\n${out.slice(to)}`;
  }
  return out;
}
