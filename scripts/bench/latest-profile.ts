// Finds the newest V8 profile the proxy wrote (--cpu-prof) and summarises it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type CpuProfile, renderProfileSummary, summarizeProfile } from './cpu-profile-summary.ts';

export function latestProfileSummary(dir: string, repoRoot: string): string {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    files = [];
  }
  if (files.length === 0) return `No CPU profile in ${dir}: the proxy writes one only when it exits cleanly on SIGTERM.`;
  const newest = files.map((f) => join(dir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  const profile = JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile;
  return `${newest}\n${renderProfileSummary(summarizeProfile(profile, 15, repoRoot))}`;
}
