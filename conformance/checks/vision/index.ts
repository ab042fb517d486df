// The vision checks: images sent inline and by URL to a vision model, and to the chat model.
import type { Check } from '../../types.ts';
import { visionDataUrlAccepted, visionHttpUrlAccepted } from './accepted.ts';
import { visionImageUsed } from './image-used.ts';
import { visionRefusalClean } from './refusal-clean.ts';

export const visionChecks: Check[] = [visionDataUrlAccepted, visionHttpUrlAccepted, visionImageUsed, visionRefusalClean];
