import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { analyzeMessage, parseOrgProfile, EMPTY_PROFILE, type OrgProfile, type MessageAnalysis } from '../safety/index.ts';

/**
 * `bedside analyze [--profile file.json]`: JSON Lines in on stdin, one result line out per input
 * line, in order. A line that cannot be used gets {"id": null, "line": N, "error": "..."};
 * errors name the line and the field, never the text (it may hold PHI).
 */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Analyse JSON Lines on stdin: {"id","text","kind"?} → sentiment, intents, urgency, PHI')
    .option('--profile <file.json>', "the organisation's profile (own addresses, phones, staff, on-call contact)")
    .action(async (opts: { profile?: string }) => {
      const profile = opts.profile ? await loadProfile(opts.profile) : EMPTY_PROFILE;
      await analyzeStream(process.stdin, process.stdout, profile);
    });
}

async function loadProfile(path: string): Promise<OrgProfile> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new Error(`cannot read the profile file given to --profile`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('the --profile file is not valid JSON');
  }
  const parsed = parseOrgProfile(json);
  if (!parsed.ok) throw new Error(`the --profile file is not a valid organisation profile (${parsed.problems.join('; ')})`);
  return parsed.profile;
}

export type AnalyzeLineResult =
  | { id: string; sentiment: string; intents: string[]; urgent: boolean; phi: MessageAnalysis['phi']; findings: MessageAnalysis['findings'] }
  | { id: null; line: number; error: string };

/** One input line → one output object. Exported for tests; never throws. */
export function analyzeLine(line: string, lineNumber: number, profile: OrgProfile): AnalyzeLineResult {
  const error = (message: string): AnalyzeLineResult => ({ id: null, line: lineNumber, error: `line ${lineNumber}: ${message}` });
  if (line.trim() === '') return error('empty line');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return error('not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return error('expected a JSON object');
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string') return error('field "id" must be a string');
  if (typeof record.text !== 'string') return error('field "text" must be a string');
  if (record.kind !== undefined && record.kind !== 'mention' && record.kind !== 'draft') return error('field "kind" must be "mention" or "draft"');
  if (record.replyTo !== undefined && typeof record.replyTo !== 'string') return error('field "replyTo" must be a string');
  try {
    const a = analyzeMessage(
      { text: record.text, kind: record.kind ?? 'mention', ...(typeof record.replyTo === 'string' ? { replyTo: record.replyTo } : {}) },
      profile,
    );
    return { id: record.id, sentiment: a.sentiment, intents: a.intents, urgent: a.urgent, phi: a.phi, findings: a.findings };
  } catch {
    return error('the message could not be analysed');
  }
}

/** Reads lines as they arrive and writes each result in order, waiting when stdout is full. */
export async function analyzeStream(input: Readable, output: Writable, profile: OrgProfile): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    const ok = output.write(JSON.stringify(analyzeLine(line, n, profile)) + '\n');
    if (!ok) await once(output, 'drain');
  }
}
