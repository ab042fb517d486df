// Example application code: asks an OpenAI-compatible endpoint for several title suggestions.
// Some servers ignore `n` (Ollama answers one choice whatever you ask), so the app asks again
// until it has enough; suggest-titles.test.ts proves that against dropin's Ollama profile.
import type OpenAI from 'openai';

export async function suggestTitles(client: OpenAI, model: string, text: string, count: number): Promise<string[]> {
  const titles: string[] = [];
  for (let attempt = 0; titles.length < count && attempt < count; attempt++) {
    const reply = await client.chat.completions.create({
      model,
      n: count - titles.length,
      max_completion_tokens: 20,
      messages: [{ role: 'user', content: `Suggest a title for: ${text}` }],
    });
    for (const choice of reply.choices) if (choice.message.content) titles.push(choice.message.content);
  }
  return titles.slice(0, count);
}
