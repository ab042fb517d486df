#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `dropin` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../conformance/cli/main.ts');
process.exitCode = await main(process.argv);
