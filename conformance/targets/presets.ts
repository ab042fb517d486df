// Cloud providers with OpenAI-compatible endpoints: base URL, the environment variable that
// holds the key, and a cheap default model. A preset whose key is absent is skipped, not failed.
export interface Preset {
  baseUrl: string;
  keyEnv: string;
  model: string;
  docs: string;
}

export const PRESETS: Record<string, Preset> = {
  openai: { baseUrl: 'https://api.openai.com/v1', keyEnv: 'OPENAI_API_KEY', model: 'gpt-4.1-nano', docs: 'https://platform.openai.com/api-keys' },
  groq: { baseUrl: 'https://api.groq.com/openai/v1', keyEnv: 'GROQ_API_KEY', model: 'llama-3.1-8b-instant', docs: 'https://console.groq.com/keys' },
  together: { baseUrl: 'https://api.together.xyz/v1', keyEnv: 'TOGETHER_API_KEY', model: 'meta-llama/Llama-3.2-3B-Instruct-Turbo', docs: 'https://api.together.ai/settings/api-keys' },
  openrouter: { baseUrl: 'https://openrouter.ai/api/v1', keyEnv: 'OPENROUTER_API_KEY', model: 'openai/gpt-4.1-nano', docs: 'https://openrouter.ai/keys' },
  mistral: { baseUrl: 'https://api.mistral.ai/v1', keyEnv: 'MISTRAL_API_KEY', model: 'mistral-small-latest', docs: 'https://console.mistral.ai/api-keys' },
  deepseek: { baseUrl: 'https://api.deepseek.com/v1', keyEnv: 'DEEPSEEK_API_KEY', model: 'deepseek-chat', docs: 'https://platform.deepseek.com/api_keys' },
  gemini: { baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai', keyEnv: 'GEMINI_API_KEY', model: 'gemini-2.5-flash', docs: 'https://aistudio.google.com/apikey' },
  fireworks: { baseUrl: 'https://api.fireworks.ai/inference/v1', keyEnv: 'FIREWORKS_API_KEY', model: 'accounts/fireworks/models/llama-v3p1-8b-instruct', docs: 'https://fireworks.ai/account/api-keys' },
  xai: { baseUrl: 'https://api.x.ai/v1', keyEnv: 'XAI_API_KEY', model: 'grok-3-mini', docs: 'https://console.x.ai' },
};
