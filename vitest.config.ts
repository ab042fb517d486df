// `npm test`: every *.test.ts except the load runs (*.load.test.ts), which take long and depend on
// how busy the machine is; `npm run test:load` runs those (vitest.load.config.ts), and CI runs both.
import { defineConfig } from 'vitest/config';

export const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  env: { TESTCONTAINERS_RYUK_DISABLED: 'true', TESTCONTAINERS_HOST_OVERRIDE: '127.0.0.1' },
};

export default defineConfig({
  test: {
    ...shared,
    // Most test files wait on sockets, timers and child processes rather than compute: four
    // workers on two cores finish the run in about half the time of vitest's default (one per
    // core), measured with `time npm test` (README, Tests).
    maxWorkers: 4,
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dropin-report/**', '**/*.load.test.ts'],
  },
});
