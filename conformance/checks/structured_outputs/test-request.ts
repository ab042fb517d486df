// The structured-output request the checks judge against, non-stream and streamed.
export const personSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    mood: { type: 'string', enum: ['happy', 'sad'] },
  },
  required: ['name', 'age', 'mood'],
  additionalProperties: false,
};

export const structuredRequest = {
  model: 'm',
  messages: [{ role: 'user', content: 'Invent a person.' }],
  response_format: { type: 'json_schema', json_schema: { name: 'person', strict: true, schema: personSchema } },
};

export const streamedRequest = { ...structuredRequest, stream: true };

/** A stream whose choice 0 carries `parts` as content deltas, then finishes. */
export function contentStream(parts: string[]): unknown[] {
  const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm' };
  return [
    { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
    ...parts.map((content) => ({ ...base, choices: [{ index: 0, delta: { content }, finish_reason: null }] })),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    '[DONE]',
  ];
}
