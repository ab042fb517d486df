// /v1/models repair: Ollama answers `"data": null` when no model is installed (F27), and
// llama.cpp or gateways may leave out fields the spec requires on each model.

/** A conformant model list; entries without a string id are dropped (nothing can address them). */
export function normalizeModels(json: any): any {
  const data: any[] = Array.isArray(json?.data) ? json.data : [];
  const base = json !== null && typeof json === 'object' && !Array.isArray(json) ? json : {};
  return {
    ...base,
    object: 'list',
    data: data.filter((m) => typeof m?.id === 'string').map(fixModel),
  };
}

function fixModel(model: any): any {
  return {
    ...model,
    object: 'model',
    created: Number.isInteger(model.created) ? model.created : 0,
    owned_by: typeof model.owned_by === 'string' ? model.owned_by : 'unknown',
  };
}
