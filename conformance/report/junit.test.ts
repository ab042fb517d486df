import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../types.ts';
import { renderJunit } from './junit.ts';
import { sampleRun } from './sample-run.ts';

const HOSTILE = 'bad ]]> <tag attr="x"> & \'q\' "dq"\u0001\u0008\u000b end\nline2\ttab';

/** Every `<`, `&` and quote outside markup must be escaped, and tags must nest. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\n/, '');
  const tags = body.match(/<[^<>]*>/g) ?? [];
  const text = body.split(/<[^<>]*>/);
  for (const t of text) {
    expect(t).not.toMatch(/[<>]/);
    expect(t).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  }
  const stack: string[] = [];
  for (const tag of tags) {
    const attrs = tag.replace(/^<\/?[\w-]+/, '').replace(/\/?>$/, '');
    expect(attrs).toMatch(/^(\s+[\w-]+="[^"<]*")*\s*$/);
    const name = /^<\/?([\w-]+)/.exec(tag)![1];
    if (tag.startsWith('</')) expect(stack.pop()).toBe(name);
    else if (!tag.endsWith('/>')) stack.push(name);
  }
  expect(stack).toEqual([]);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
}

describe('renderJunit', () => {
  it('writes one suite per target × capability and one case per check', () => {
    const run = sampleRun();
    const xml = renderJunit(run);
    assertWellFormed(xml);
    expect(xml.match(/<testsuite /g)).toHaveLength(3 * CAPABILITIES.length);
    const checks = run.targets.reduce((n, t) => n + t.checks.length, 0);
    expect(xml.match(/<testcase /g)).toHaveLength(checks);
    expect(xml).toContain(`<testsuites name="dropin" tests="${checks}" failures="10" errors="1" skipped="2" time="39.410"`);
    expect(xml).toContain('<testsuite name="ollama / tools" tests="2" failures="1" errors="0" skipped="0" time="1.440"');
    expect(xml).toContain('<testcase name="tools.choice-honoured [tools.named]" classname="dropin.ollama.tools" time="0.720">');
  });

  it('renders fail, error, skip and warn the way CI tools expect', () => {
    const xml = renderJunit(sampleRun());
    const failure = /<testcase name="chat.schema \[chat.basic\]" classname="dropin.ollama.chat"[^>]*>\s*<failure message="([^"]*)" type="MUST">([^<]*)<\/failure>/.exec(xml);
    expect(failure?.[1]).toBe('choices[0].message lacks the required key &quot;refusal&quot;');
    expect(failure?.[2]).toContain('Expected: message.refusal present (string or null)\nReceived: key absent\nPointer: /choices/0/message/refusal');
    expect(xml).toMatch(/classname="dropin.gateway.tools"[^>]*>\s*<error message="the connection was reset/);
    expect(xml).toMatch(/classname="dropin.emulator.streaming"[^>]*>\s*<skipped message="stream_options is not supported/);
    const warn = /classname="dropin.emulator.streaming"[^>]*>(\s*<system-out>WARNING: [^<]*<\/system-out>\s*)<\/testcase>/.exec(xml);
    expect(warn?.[1]).toContain('Received: comment &quot;: keepalive&quot; before event 0'.replaceAll('&quot;', '"'));
    expect(xml).toMatch(/<testcase name="models.status-ok \[models.list\]" classname="dropin.emulator.models" time="0.240"><\/testcase>/);
  });

  it('escapes hostile text in attributes and bodies', () => {
    const run = sampleRun();
    const check = run.targets[1].checks[0];
    Object.assign(check, { message: HOSTILE, received: HOSTILE, id: 'chat.<x>&"' });
    run.targets[1].name = 'a"b<c>&d';
    const xml = renderJunit(run);
    assertWellFormed(xml);
    expect(xml).toContain('message="bad ]]&gt; &lt;tag attr=&quot;x&quot;&gt; &amp; &apos;q&apos; &quot;dq&quot;\\u0001\\u0008\\u000b end&#10;line2&#9;tab"');
    expect(xml).toContain('Received: bad ]]&gt; &lt;tag attr="x"&gt; &amp; \'q\' "dq"\\u0001\\u0008\\u000b end\nline2\ttab');
    expect(xml).toContain('classname="dropin.a&quot;b&lt;c&gt;&amp;d.chat"');
  });

  it('keeps astral characters and drops lone surrogates', () => {
    const run = sampleRun();
    run.targets[1].checks[0].received = 'ok 🎉 bad \ud800 end';
    const xml = renderJunit(run);
    expect(xml).toContain('Received: ok 🎉 bad \\ud800 end');
  });

  it('reports a target that could not run as an errored test', () => {
    const run = sampleRun();
    Object.assign(run.targets[2], { error: 'container did not start: <timeout>', checks: [], exchanges: [] });
    const xml = renderJunit(run);
    assertWellFormed(xml);
    expect(xml).toMatch(/<testsuite name="gateway \/ setup" tests="1" failures="0" errors="1"/);
    expect(xml).toContain('<error message="container did not start: &lt;timeout&gt;" type="target">');
  });
});
