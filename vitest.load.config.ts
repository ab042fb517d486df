// `npm run test:load`: the load and soak runs (*.load.test.ts), kept out of `npm test` because they
// take long and their numbers depend on how busy the machine is. CI runs them after `npm test`.
import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.ts';

export default defineConfig({
  test: {
    ...shared,
    include: ['**/*.load.test.ts'],
    exclude: ['node_modules/**', 'dropin-report/**'],
  },
});
