#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `dropin` needs no build step. The Node version is
// checked first: tsx and the CLI are imported only once it is known to be new enough.
import { checkNode } from './node-check.js';

if (checkNode()) {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../conformance/cli/main.ts');
  process.exitCode = await main(process.argv);
}
