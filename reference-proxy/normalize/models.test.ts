import { describe, expect, it } from 'vitest';
import { normalizeModels } from './models.ts';

describe('normalizeModels', () => {
  it('turns Ollama\'s "data": null into an empty list (F27)', () => {
    expect(normalizeModels({ object: 'list', data: null })).toEqual({ object: 'list', data: [] });
  });

  it('fills required model fields and drops entries without an id', () => {
    const out = normalizeModels({ data: [{ id: 'model.gguf', meta: null }, { name: 'no id' }] });
    expect(out).toEqual({ object: 'list', data: [{ id: 'model.gguf', object: 'model', created: 0, owned_by: 'unknown', meta: null }] });
  });

  it('keeps a conformant list as it is', () => {
    const list = { object: 'list', data: [{ id: 'llama3.2:latest', object: 'model', created: 1755000000, owned_by: 'library' }] };
    expect(normalizeModels(structuredClone(list))).toEqual(list);
  });
});
