// Rewrites the generated check tables of conformance/CHECKS.md from the checks' metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderCatalogue } from './catalogue.ts';

const path = new URL('../CHECKS.md', import.meta.url);
writeFileSync(path, renderCatalogue(readFileSync(path, 'utf8')));
console.log(`dropin: wrote ${path.pathname}`);
