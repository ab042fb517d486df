import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ExchangeRequest } from '../types.ts';
import { curlFor } from './curl.ts';

/** Run the command in bash with curl replaced by a function that prints its argv. */
function argvOf(command: string): string[] {
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', `curl() { printf '%s\\0' "$@"; }\n${command}`], {
    env: { PATH: process.env.PATH, OPENAI_API_KEY: 'sk-from-env' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.split('\0').slice(0, -1);
}

const post = (body: string, headers: Record<string, string> = {}): ExchangeRequest => ({
  method: 'POST',
  url: 'http://127.0.0.1:8080/v1/chat/completions',
  headers: { 'content-type': 'application/json', authorization: 'Bearer ***', 'content-length': '12', ...headers },
  body,
});

describe('curlFor', () => {
  it('passes a hostile body through the shell byte for byte', () => {
    const body = `{"content":"it's $HOME \`id\` \\"q\\" ! \\\\ \n new line ' '' end"}`;
    const argv = argvOf(curlFor(post(body)));
    expect(argv.at(-2)).toBe('--data-raw');
    expect(argv.at(-1)).toBe(body);
  });

  it('takes the API key from $OPENAI_API_KEY and drops connection headers', () => {
    const argv = argvOf(curlFor(post('{}', { 'x-api-key': '***' })));
    expect(argv).toContain('authorization: Bearer sk-from-env');
    expect(argv).toContain('x-api-key: sk-from-env');
    expect(argv).toContain('content-type: application/json');
    expect(argv.some((a) => a.startsWith('content-length'))).toBe(false);
  });

  it('uses -sN for streams and -s otherwise', () => {
    expect(argvOf(curlFor(post('{"stream":true}')))[0]).toBe('-sN');
    expect(argvOf(curlFor(post('{"stream":false}')))[0]).toBe('-s');
    expect(argvOf(curlFor(post('{"stream": tru')))[0]).toBe('-s');
  });

  it('omits -X and --data-raw for a plain GET, and keeps the URL intact', () => {
    const url = "http://127.0.0.1:1/v1/models?a=1&b='x'";
    const argv = argvOf(curlFor({ method: 'GET', url, headers: {} }));
    expect(argv).toEqual(['-s', url]);
  });

  it('states the method when it is not the one curl implies', () => {
    const argv = argvOf(curlFor({ method: 'DELETE', url: 'http://127.0.0.1:1/v1/x', headers: {} }));
    expect(argv).toEqual(['-s', '-X', 'DELETE', 'http://127.0.0.1:1/v1/x']);
  });

  it('says when the target was served in process for the run, and how to serve it again on that port', () => {
    const command = curlFor(post('{}'), 'npx dropin emulate --port 8080 --profile ollama');
    expect(command.split('\n').slice(0, 2)).toEqual([
      "# port 8080 was dropin's own, in process, for the run only; serve the same endpoint there again first:",
      '#   npx dropin emulate --port 8080 --profile ollama',
    ]);
    // still one command to paste: the comment lines change nothing
    expect(argvOf(command)).toEqual(argvOf(curlFor(post('{}'))));
  });
});
