#!/usr/bin/env bash
# The install step of the GitHub Action (action.yml): the action's checkout has no node_modules,
# so install dropin's runtime dependencies there, unless they are already in place (a workflow in
# dropin's own repository, `uses: ./`, after its own `npm ci`).
set -euo pipefail
cd "${GITHUB_ACTION_PATH:-$(dirname "$0")/../..}"
if [ -d node_modules/tsx ]; then
  echo "dropin: dependencies already installed in $PWD"
else
  npm ci --omit=dev --ignore-scripts --no-audit --no-fund
fi
