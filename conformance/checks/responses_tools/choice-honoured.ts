// tool_choice in the Responses shape — "required", "none", or {"type":"function","name":…} — is
// enforced (S10).
import type { Check } from '../../types.ts';
import { fail, pass, show, skip } from '../verdict.ts';
import { responsesToolChoice, toolCallItems, withCalls } from './calls.ts';

export const responsesToolsChoiceHonoured: Check = {
  id: 'responses_tools.choice-honoured',
  capability: 'responses_tools',
  level: 'MUST',
  kind: 'behaviour',
  title: 'tool_choice is honoured (named, required, none)',
  spec: 'OpenAPI ToolChoiceOptions, ToolChoiceFunction; docs/deviations.md#s10',
  consequence:
    'agents that force a tool (the AI SDK\'s toolChoice: "required" or { type: "tool" }, openai-agents) get free text or the wrong function, and "none" still runs functions the app meant to switch off',
  evidence: 'ollama openai/responses.go ("tool_choice is not supported", docs/deviations.md#s10); @ai-sdk/openai src/responses/openai-responses-prepare-tools.ts',
  run: (input) => {
    const choice = responsesToolChoice(input.request);
    if (choice.mode === 'auto' || choice.mode === 'other') return skip(`tool_choice ${show(input.request?.tool_choice)} leaves the choice to the model`);
    return withCalls(input, (functions, view) => {
      // "required" and "none" count every tool call, hosted ones (image_generation_call, …) included
      const calls = choice.mode === 'named' ? functions : toolCallItems(view);
      const names = show(calls.map((c) => c.item.name ?? c.item.type));
      if (choice.mode === 'none' && calls.length > 0) {
        return fail(`tool_choice "none" was ignored: the answer calls ${names}`, { expected: 'no function_call items', received: names, pointer: calls[0].pointer });
      }
      if (choice.mode === 'required' && calls.length === 0) {
        return fail('tool_choice "required" was ignored: the answer calls no function', { expected: 'at least one function_call item', received: show(view.items.map((i) => i.type)) });
      }
      if (choice.mode === 'named') {
        const wrong = calls.find((c) => c.item.name !== choice.name);
        if (calls.length === 0 || wrong) {
          return fail(`tool_choice named ${show(choice.name)} was not honoured`, { expected: `only calls to ${show(choice.name)}`, received: calls.length === 0 ? 'no function_call items' : names, pointer: wrong?.pointer });
        }
      }
      return pass();
    });
  },
};
