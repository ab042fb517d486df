// The last line of .ci/run: "N passed, N failed" over every vitest run CI made (npm test and
// npm run test:load), from their JSON reports. A run that left no report, or a test file that
// failed before its tests ran, counts as a failure: a broken run is never read as a green one.
//   npx tsx scripts/ci/vitest-tally.ts .tmp/vitest.json .tmp/vitest-load.json
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The part of vitest's JSON reporter output this needs. */
export interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites: number;
}

export function tally(reports: Array<VitestJson | undefined>): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const r of reports) {
    if (r === undefined) {
      failed += 1;
      continue;
    }
    passed += r.numPassedTests;
    // a file that fails to load has no failed test of its own: count the file
    failed += r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
  }
  return { passed, failed };
}

function read(path: string): VitestJson | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as VitestJson;
  } catch {
    return undefined;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { passed, failed } = tally(process.argv.slice(2).map(read));
  console.log(`${passed} passed, ${failed} failed`);
}
