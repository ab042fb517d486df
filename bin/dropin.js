#!/usr/bin/env node
// Runs the TypeScript CLI with no build step. Node (22.18 and newer) and Bun strip the types
// themselves; tsx does it where Node will not: for a copy installed under node_modules. Node's
// own stripping keeps every line and column, so no source maps are needed: tsx turns them on,
// and then every error whose stack is read (every aborted upstream request of the proxy) pays
// for mapping it. The Node version is checked first, before anything else is imported.
import { checkNode } from './node-check.js';

if (checkNode()) {
  const native = process.versions.bun !== undefined || (process.features.typescript && !import.meta.url.includes('/node_modules/'));
  if (!native) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const { main } = await import('../conformance/cli/main.ts');
  process.exitCode = await main(process.argv);
}
