#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `dropin` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../conformance/cli/main.ts');
