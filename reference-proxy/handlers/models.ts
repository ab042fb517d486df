// GET /v1/models: every model a backend serves plus every alias, in OpenAI's list shape, limited
// to what the caller's key may use. Built from config so it answers even when a backend is down.
import { authenticate } from '../auth/authenticate.ts';
import type { ProxyConfig } from '../types.ts';
import type { Exchange, ProxyContext } from './context.ts';
import { sendJson } from './respond.ts';

export interface ModelEntry {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

export function listModels(config: ProxyConfig, created: number, allowed?: readonly string[]): { object: 'list'; data: ModelEntry[] } {
  const seen = new Set<string>();
  const data: ModelEntry[] = [];
  const add = (id: string, owner: string) => {
    if (seen.has(id) || (allowed && !allowed.includes(id))) return;
    seen.add(id);
    data.push({ id, object: 'model', created, owned_by: owner });
  };
  for (const backend of config.backends) for (const model of backend.models) add(model, backend.name);
  for (const alias of Object.keys(config.aliases)) add(alias, 'dropin');
  return { object: 'list', data };
}

export async function handleModels(ctx: ProxyContext, ex: Exchange): Promise<void> {
  const key = ctx.config.auth ? authenticate(ex.req.headers.authorization, ctx.config.auth.keys) : undefined;
  sendJson(ex.res, 200, listModels(ctx.config, ctx.startedAt, key?.models));
}
