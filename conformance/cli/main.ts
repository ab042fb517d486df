// The dropin command line. Exit codes: 0 conformant (at the --fail-on level), 1 conformance
// failures, 2 usage, config or harness error.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.ts';
import { UsageError } from './usage-error.ts';

// Each command loads its own code on demand: `dropin proxy` must not carry the suite, the
// emulator or testcontainers in its memory, nor pay for loading them at start-up.
const commands = {
  run: () => import('./run-command.ts'),
  emulate: () => import('./emulate-command.ts'),
  replay: () => import('./replay-command.ts'),
  proxy: () => import('./proxy-command.ts'),
  certify: () => import('./certify-command.ts'),
  merge: () => import('./merge-command.ts'),
  judge: () => import('./judge-command.ts'),
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

function targetOptions(command: Command): Command {
  return command
    .option('--base-url <url>', 'endpoint base URL ending in /v1 (env OPENAI_BASE_URL)')
    .option('--model <id>', 'model to test (env DROPIN_MODEL or OPENAI_MODEL)')
    .option('--api-key <key>', 'API key, literal or env:VAR (env OPENAI_API_KEY); redacted from every output')
    .option('--header <name:value>', 'extra request header, repeatable', collect)
    .option('--emulator [profile]', 'test the embedded emulator (optionally a server profile, e.g. ollama)')
    .option('--quirk <name>', 'with --emulator: switch on one emulated deviation, repeatable', collect)
    .option('--config <file>', 'YAML/JSON file with several named targets (gives a matrix)')
    .option('--baseline <file>', 'YAML of expected failures per target ("*" for all): they do not fail the run; entries that now pass do')
    .option('--only <capabilities>', 'comma-separated: models,chat,streaming,tools,json_mode,structured_outputs,errors,responses,responses_tools,embeddings,completions,reasoning,vision')
    .option('--capabilities <list>', 'the capabilities the target claims (same names as --only): the others are reported as skipped, "not claimed"')
    .option('--embedding-model <id>', 'the model the embeddings scenarios use (without one they skip)')
    .option('--vision-model <id>', 'the model the vision scenarios send images to (without one they skip)')
    .option('--reasoning', 'the model reasons: hold it to the reasoning checks instead of detecting reasoning from its answers')
    .option('--repeat <k>', 'run each behaviour check k times and report pass rate and pass^k (default 1)')
    .addOption(new Option('--fail-on <level>', 'exit 1 on failures at this level (default must)').choices(['must', 'should', 'never']))
    .option('--allow-skipped', 'a skipped target (no API key, no Docker) does not exit 2 when another target was tested (env DROPIN_ALLOW_SKIPPED)')
    .option('--concurrency <n>', 'concurrent requests per target (default 4)')
    .option('--timeout <ms>', 'per-request timeout in ms (default 30000)');
}

export function buildProgram(): Command {
  const program = new Command('dropin')
    .version(VERSION)
    .description('Can your application swap this OpenAI-compatible endpoint in without rewriting code?')
    .addHelpText(
      'after',
      `
Exit codes: 0 = no failure at the --fail-on level, 1 = conformance failures, 2 = usage, config or harness error, or nothing tested (a target skipped without --allow-skipped).
Environment: OPENAI_BASE_URL, OPENAI_API_KEY, DROPIN_MODEL (or OPENAI_MODEL), DROPIN_OUT, DROPIN_FAIL_ON, DROPIN_ALLOW_SKIPPED, CI (plain progress lines).
Examples:
  dropin run --emulator                                   # the embedded, spec-perfect emulator
  dropin run --base-url http://127.0.0.1:11434/v1 --model llama3.2:3b
  dropin run --config targets.yaml --repeat 3 --out report
  dropin record --base-url http://127.0.0.1:11434/v1 --model llama3.2:3b --out ollama.jsonl
  dropin run --replay ollama.jsonl
  dropin emulate --port 8080 --profile ollama
  dropin judge session.har --out report                   # judge recorded traffic (HAR, transcript, JSONL pairs)`,
    );

  const run = program
    .command('run')
    .description('run the conformance suite against one endpoint or every target of a config file, and write reports');
  targetOptions(run)
    .option('--replay <file>', 'test a recorded transcript, served back over loopback')
    .option('--record <file>', 'also write the exchanges as a transcript (JSON lines) to this file')
    .option('--out <dir>', 'report directory (default ./dropin-report, env DROPIN_OUT)')
    .action(async (flags) => {
      const { runCommand } = await commands.run();
      process.exitCode = await runCommand(flags);
    });

  const record = program
    .command('record')
    .description('run the suite against an endpoint and write every exchange to a transcript, to replay later without it (exit 0 once written, whatever the verdict)');
  targetOptions(record)
    .option('--out <file>', 'the transcript to write (JSON lines, docs/transcript-format.md; default ./dropin-report/transcript.jsonl)')
    .action(async (flags) => {
      const { runCommand } = await commands.run();
      process.exitCode = await runCommand(flags, process.env, 'record');
    });

  program
    .command('replay')
    .description('serve a recorded transcript over loopback until interrupted')
    .argument('<file>', 'transcript written by dropin record')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .action(async (file, flags) => {
      const { replayCommand } = await commands.replay();
      process.exitCode = await replayCommand(file, flags);
    });

  program
    .command('emulate')
    .description('serve the embedded OpenAI-compatible emulator until interrupted')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .option('--profile <name>', 'emulate a documented server (see --list)')
    .option('--quirk <name>', 'switch on one deviation, repeatable (see --list)', collect)
    .option('--delay <ms>', 'delay between streamed events')
    .option('--require-key <key>', 'answer 401 (OpenAI envelope) unless this bearer key is sent')
    .option('--list', 'list the profiles and quirks and exit')
    .action(async (flags) => {
      const { emulateCommand, listQuirks } = await commands.emulate();
      if (flags.list) {
        process.stdout.write(listQuirks());
        return;
      }
      process.exitCode = await emulateCommand(flags);
    });

  program
    .command('proxy')
    .description('run the reference routing proxy')
    .option('--config <file>', 'proxy config (YAML or JSON), see reference-proxy/README.md')
    .option('--ollama [url]', `no config: proxy a local Ollama, serving all its models (default ${'http://127.0.0.1:11434'})`)
    .option('--port <n>', "port to listen on (default: the config's listen.port; 8080 with --ollama)")
    .option('--host <host>', "address to bind (default: the config's listen.host; 127.0.0.1 with --ollama)")
    .option('--print-config', 'print the validated config with secrets redacted, and exit')
    .action(async (flags) => {
      const { proxyCommand } = await commands.proxy();
      process.exitCode = await proxyCommand(flags);
    });

  program
    .command('merge')
    .description('join the results.json of several runs (e.g. one CI job per target) into one matrix report')
    .argument('<results...>', 'results.json files written by dropin run')
    .option('--out <dir>', 'report directory (default ./dropin-report)')
    .option('--allow-skipped', 'a skipped target does not exit 2 when another was tested (default: as every merged run allowed; env DROPIN_ALLOW_SKIPPED)')
    .action(async (files, flags) => {
      const { mergeCommand } = await commands.merge();
      process.exitCode = await mergeCommand(files, flags);
    });

  program
    .command('judge')
    .description('judge recorded traffic dropin did not send (dropin transcripts, HAR files, JSONL request/response pairs) and write the reports')
    .argument('<files...>', 'recordings; the format is told from the content (docs/judge.md)')
    .option('--out <dir>', 'report directory (default ./dropin-report, env DROPIN_OUT)')
    .option('--only <capabilities>', 'comma-separated capabilities whose checks are run')
    .addOption(new Option('--fail-on <level>', 'exit 1 on failures at this level (default must)').choices(['must', 'should', 'never']))
    .option('--baseline <file>', 'YAML of expected failures per target ("*" for all), as check ids or exchange-id:check-id')
    .option('--allow-skipped', 'a recorded server whose every check skipped does not exit 2 when another was judged (env DROPIN_ALLOW_SKIPPED)')
    .action(async (files, flags) => {
      const { judgeCommand } = await commands.judge();
      process.exitCode = await judgeCommand(files, flags);
    });

  program
    .command('certify')
    .description('certify a proxy: the whole suite through it; exit 0 only when every MUST and SHOULD check passes. By default the reference proxy in front of the emulator and its Ollama profiles')
    .option('--config <file>', 'your proxy config: the proxy is started from it for the run, in front of the backends it names')
    .option('--base-url <url>', 'a running proxy (e.g. deployed), ending in /v1')
    .option('--model <id>', 'with --config or --base-url: a model to certify, repeatable (default: every model the proxy lists)', collect)
    .option('--api-key <key>', 'with --config or --base-url: the inbound key, literal or env:VAR (env OPENAI_API_KEY)')
    .option('--repeat <k>', 'runs of each behaviour check (default 3)')
    .option('--out <dir>', 'report directory (default ./dropin-report/certify)')
    .action(async (flags) => {
      const { certifyCommand } = await commands.certify();
      process.exitCode = await certifyCommand(flags);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      process.stderr.write(`dropin: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`dropin: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv);
}
