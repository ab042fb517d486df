// Preloaded into the proxy (node --import) when the bench profiles it: the first SIGUSR2 starts
// V8's sampling profiler (and touches $DROPIN_BENCH_PROFILE.started once it runs), the second
// stops it and writes the profile to $DROPIN_BENCH_PROFILE, whole (written aside, then renamed).
// Unlike --cpu-prof, the profile then covers one load point only: no start-up, no warm-up.
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.DROPIN_BENCH_PROFILE;
/** µs between samples: finer than --cpu-prof's 1000 so a few seconds give tens of thousands */
const INTERVAL_US = 250;

if (file) {
  const session = new Session();
  session.connect();
  const post = (method, params = {}) =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  let running = false;
  process.on('SIGUSR2', () => {
    const step = running
      ? post('Profiler.stop').then(({ profile }) => {
          writeFileSync(`${file}.part`, JSON.stringify(profile));
          renameSync(`${file}.part`, file);
          running = false;
        })
      : post('Profiler.enable')
          .then(() => post('Profiler.setSamplingInterval', { interval: INTERVAL_US }))
          .then(() => post('Profiler.start'))
          .then(() => {
            running = true;
            writeFileSync(`${file}.started`, '');
          });
    step.catch((error) => process.stderr.write(`bench profiler: ${error.message}\n`));
  });
}
