// GET /v1/models: every model a backend serves plus every alias, in OpenAI's list shape, limited
// to what the caller's key may use; GET /v1/models/{id}: one of them, as models.retrieve() asks
// (the id percent-encoded: "/" arrives as %2F). Built from config so both answer when a backend
// is down.
import { authenticate } from '../auth/authenticate.ts';
import { ProxyError } from '../errors.ts';
import type { ProxyConfig } from '../types.ts';
import type { Exchange, ProxyContext } from '../core/context.ts';
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
  const key = ctx.config.auth ? authenticate(ex.req.header('authorization'), ctx.config.auth.keys) : undefined;
  sendJson(ex.res, 200, listModels(ctx.config, ctx.startedAt, key?.models));
}

/** The model a GET /v1/models/{id} path names, or undefined when the id is not valid percent-encoding. */
export function modelIdOf(path: string): string | undefined {
  try {
    return decodeURIComponent(path.slice('/v1/models/'.length));
  } catch {
    return undefined;
  }
}

export async function handleModel(ctx: ProxyContext, ex: Exchange): Promise<void> {
  const key = ctx.config.auth ? authenticate(ex.req.header('authorization'), ctx.config.auth.keys) : undefined;
  const id = modelIdOf(ex.record.path);
  const found = listModels(ctx.config, ctx.startedAt, key?.models).data.find((m) => m.id === id);
  if (!found) {
    throw new ProxyError(404, `The model \`${id ?? ex.record.path}\` does not exist or you do not have access to it.`, { param: 'model', code: 'model_not_found' });
  }
  sendJson(ex.res, 200, found);
}
