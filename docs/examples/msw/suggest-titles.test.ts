// Example: an application's unit test against "Ollama with its quirks", in process, no server.
// msw intercepts the openai SDK's fetch; dropin/msw answers as the emulator profile does.
import { setupServer } from 'msw/node';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dropinHandlers } from 'dropin/msw';
import { suggestTitles } from './suggest-titles.ts';

const baseURL = 'http://127.0.0.1:11434/v1'; // whatever your app is configured with
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' })); // msw 2: onUnhandledRequest
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// The SDK keeps the fetch it finds when constructed: build the client after server.listen()
// (here, in a hook after it), or msw never sees its requests.
let client: OpenAI;
beforeAll(() => {
  client = new OpenAI({ baseURL, apiKey: 'test', maxRetries: 0 });
});

describe('suggestTitles', () => {
  it('gets three titles from one request where n is honoured', async () => {
    server.use(...dropinHandlers({ baseUrl: baseURL, profile: 'spec' }));
    let requests = 0;
    const count = () => requests++;
    server.events.on('request:start', count);
    expect(await suggestTitles(client, 'dropin-emulator-1', 'a story', 3)).toHaveLength(3);
    server.events.removeListener('request:start', count);
    expect(requests).toBe(1);
  });

  it('still gets three where the server ignores n, as Ollama does', async () => {
    server.use(...dropinHandlers({ baseUrl: baseURL, profile: 'ollama' }));
    expect(await suggestTitles(client, 'dropin-emulator-1', 'a story', 3)).toHaveLength(3);
  });

  it('fails loudly on an unknown model, in the server\'s own words', async () => {
    server.use(...dropinHandlers({ baseUrl: baseURL, profile: 'ollama', models: ['llama3.2:3b'] }));
    await expect(suggestTitles(client, 'llama3.2', 'a story', 3)).rejects.toThrow("404 model 'llama3.2' not found");
  });
});
