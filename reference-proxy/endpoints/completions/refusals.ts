// Legacy completions parameters a backend is known to ignore or to answer with a server error
// (wire-facts-surface §3): refused with a 400 naming the parameter rather than sent on. Ollama
// reads only a string prompt (an array is a Go unmarshal error) and ignores echo, best_of and n;
// llama-server throws on echo, best_of and suffix (a 500 in many builds).
import { ProxyError } from '../../errors.ts';
import type { Target } from '../../core/endpoint.ts';
import type { TextCompletionRequest } from './validate.ts';

export function refuseTextCompletion(request: TextCompletionRequest, target: Target): ProxyError | undefined {
  const backend = target.candidate.backend.name;
  switch (target.profile) {
    case 'ollama':
    case 'ollama-legacy':
      if (request.prompt !== null && typeof request.prompt !== 'string') return unsupported('prompt', backend, 'reads only a string prompt; send one prompt per request');
      if (request.echo === true) return unsupported('echo', backend, 'ignores echo: the prompt would be missing from the text');
      if (isAbove(request.best_of, 1)) return unsupported('best_of', backend, 'ignores best_of');
      if (isAbove(request.n, 1)) return unsupported('n', backend, 'ignores n and answers one choice; send n requests');
      return undefined;
    case 'llama.cpp':
      if (request.echo === true) return unsupported('echo', backend, 'does not support echo');
      if (request.best_of != null) return unsupported('best_of', backend, 'does not support best_of');
      if (request.suffix != null) return unsupported('suffix', backend, 'does not support suffix');
      return undefined;
    default:
      return undefined;
  }
}

const isAbove = (value: unknown, limit: number) => typeof value === 'number' && value > limit;

function unsupported(param: string, backend: string, why: string): ProxyError {
  return new ProxyError(400, `'${param}' is not supported by the backend serving this model (${backend} ${why}). Send the request without it.`, {
    param,
    code: 'unsupported_parameter',
  });
}
