#!/usr/bin/env bash
# The run step of the GitHub Action (action.yml): `dropin run` with the action's inputs, read from
# INPUT_* variables; report.md goes to the step summary, the exit code and report directory to the
# step outputs, and the step ends with the suite's own exit code. It reads nothing but the
# environment, so the tests run it exactly as the runner does.
set -uo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
outputs="${GITHUB_OUTPUT:-/dev/null}"
out="${INPUT_OUT:-dropin-report}"

# Mask the key before anything can print it; the suite gets it from the environment, never argv.
if [ -n "${INPUT_API_KEY:-}" ]; then
  while IFS= read -r line; do
    [ -n "$line" ] && echo "::add-mask::$line"
  done <<<"$INPUT_API_KEY"
  export OPENAI_API_KEY="$INPUT_API_KEY"
fi

args=(run --out "$out")
[ -n "${INPUT_BASE_URL:-}" ] && args+=(--base-url "$INPUT_BASE_URL")
[ -n "${INPUT_MODEL:-}" ] && args+=(--model "$INPUT_MODEL")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
# dropin validates the value (true/false) and says what to change
[ -n "${INPUT_ALLOW_SKIPPED:-}" ] && export DROPIN_ALLOW_SKIPPED="$INPUT_ALLOW_SKIPPED"

# A report.md older than this run is a previous run's: it must not stand in for this one.
started="$(mktemp)"
split="$(mktemp)"
trap 'rm -f "$started" "$split"' EXIT

# More flags, split as a shell would split them (quotes kept together) but never evaluated.
code=0
if [ -n "${INPUT_ARGS:-}" ]; then
  if printf '%s' "$INPUT_ARGS" | xargs printf '%s\0' >"$split"; then
    while IFS= read -r -d '' arg; do
      [ -n "$arg" ] && args+=("$arg")
    done <"$split"
  else
    echo "dropin action: the args input could not be split into flags (an unmatched quote?): fix the quoting in args" >&2
    code=2
  fi
fi

if [ "$code" -eq 0 ]; then
  node "$action_path/bin/dropin.js" "${args[@]}"
  code=$?
fi

case "$out" in
  /*) report_dir="$out" ;;
  *) report_dir="$PWD/$out" ;;
esac
{
  echo "exit-code=$code"
  echo "report-dir=$report_dir"
} >>"$outputs"

if [ -f "$report_dir/report.md" ] && [ "$report_dir/report.md" -nt "$started" ]; then
  cat "$report_dir/report.md" >>"$summary"
else
  {
    echo "### dropin: no report"
    echo
    echo "The run stopped before writing a report (exit code $code, 2 = usage, config or harness error). The step's log says why."
  } >>"$summary"
fi
exit "$code"
