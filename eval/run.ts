/**
 * `npm run eval`: scores the safety engine and writes eval/RESULTS.md.
 *
 *   1. presidio-synth-v2 (../shared/eval): span-level identifier detection per type, against
 *      redact-pii and OpenRedaction.
 *   2. eval/healthcare dev sets and the held-out sets: urgent, adverse events, PHI, intents, sentiment.
 *
 * `npm run eval -- --misses` also lists the dev messages the engine gets wrong (ids only).
 * The held-out sets are only ever scored in aggregate.
 *   3. Generalisation without the held-out sets: 5-fold cross-validation over every training set and
 *      train→dev (eval/crossval.ts); `--no-cv` skips it (it retrains the model six times).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOrgProfile, EMPTY_PROFILE, type OrgProfile } from '../src/safety/index.ts';
import { redactPiiSpans, openRedactionSpans } from './baselines.ts';
import { scorePresidio, bedsideSpans, PRESIDIO_TYPES, type PresidioRecord } from './presidio.ts';
import { parseJsonl, scoreHealthcare, type HealthcareRecord, type HealthcareScores } from './healthcare.ts';
import { fmt, type Prf } from './metrics.ts';
import { crossValidate, trainThenScore, CV_FOLDS } from './crossval.ts';
import { TRAINING_SETS, HELD_OUT_SETS, type TrainingSet, type HeldOutSet } from '../src/safety/model/training-sets.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const sharedEval = resolve(root, '../shared/eval');
const presidioPath = join(sharedEval, 'presidio-synth-v2.json');
const healthcareDir = join(here, 'healthcare');

function fail(message: string): never {
  console.error(`eval: ${message}`);
  process.exit(1);
}

function loadProfile(): OrgProfile {
  const path = join(healthcareDir, 'hospital.json');
  if (!existsSync(path)) return EMPTY_PROFILE;
  const parsed = parseOrgProfile(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) fail(`eval/healthcare/hospital.json is not a valid organisation profile: ${parsed.problems.join('; ')}`);
  return parsed.profile;
}

function presidioTable(records: PresidioRecord[]): string[] {
  const systems: Array<[string, (t: string) => ReturnType<typeof bedsideSpans>]> = [
    ['Bedside', bedsideSpans],
    ['redact-pii', redactPiiSpans],
    ['OpenRedaction', openRedactionSpans],
  ];
  const scores = systems.map(([name, detect]) => [name, scorePresidio(records, detect)] as const);
  const lines = [
    `| type | gold spans | ${scores.map(([n]) => `${n} P / R`).join(' | ')} |`,
    `|---|---|${scores.map(() => '---').join('|')}|`,
  ];
  for (const type of PRESIDIO_TYPES) {
    const gold = scores[0]![1][type]!.tp + scores[0]![1][type]!.fn;
    lines.push(`| ${type} | ${gold} | ${scores.map(([, s]) => `${fmt(s[type]!.precision)} / ${fmt(s[type]!.recall)}`).join(' | ')} |`);
  }
  for (const [name, s] of scores) console.log(`presidio ${name}: ${PRESIDIO_TYPES.map((t) => `${t} ${fmt(s[t]!.precision)}/${fmt(s[t]!.recall)}`).join('  ')}`);
  return lines;
}

const pr = (x: Prf): string => `P ${fmt(x.precision)} / R ${fmt(x.recall)}`;
const met = (ok: boolean): string => (ok ? 'met' : 'MISSED');

type Column = [name: string, scores: HealthcareScores];

function healthcareTable(columns: Column[]): string[] {
  const cell = (f: (s: HealthcareScores) => string): string => columns.map(([, s]) => f(s)).join(' | ');
  return [
    `| figure | target | ${columns.map(([name, s]) => `${name} (n=${s.n})`).join(' | ')} |`,
    `|---|---|${columns.map(() => '---').join('|')}|`,
    `| urgent (emergency + self-harm) | R = 1.00, P ≥ 0.90 | ${cell((s) => `${pr(s.urgent)} ${met(s.urgent.recall >= 1 && s.urgent.precision >= 0.9)}`)} |`,
    `| urgent or "possibly urgent" (what reaches a person at once) | — | ${cell((s) => `${pr(s.urgentOrPossible)}; lane ${fmt(s.possibleShare)} of mentions`)} |`,
    `| adverse event | R ≥ 0.90 | ${cell((s) => `${pr(s.adverseEvent)} ${met(s.adverseEvent.recall >= 0.9)}`)} |`,
    `| adverse-event elements exactly right (of labelled AEs) | — | ${cell((s) => fmt(s.aeElementsExact))} |`,
    `| PHI, message level: Bedside | R ≥ 0.95, P ≥ 0.85 | ${cell((s) => `${pr(s.phi)} ${met(s.phi.recall >= 0.95 && s.phi.precision >= 0.85)}`)} |`,
    `| PHI, message level: redact-pii (any span) | — | ${cell((s) => pr(s.phiRedactPii))} |`,
    `| PHI, message level: OpenRedaction (any detection) | — | ${cell((s) => pr(s.phiOpenRedaction))} |`,
    `| intent macro-F1 (mentions) | ≥ 0.80 | ${cell((s) => `${fmt(s.intentMacroF1)} ${met(s.intentMacroF1 >= 0.8)}`)} |`,
    `| sentiment macro-F1: Bedside | ≥ 0.75 | ${cell((s) => `${fmt(s.sentimentMacroF1)} (acc ${fmt(s.sentimentAccuracy)}) ${met(s.sentimentMacroF1 >= 0.75)}`)} |`,
    `| sentiment macro-F1: vader-sentiment | — | ${cell((s) => `${fmt(s.vaderMacroF1)} (acc ${fmt(s.vaderAccuracy)})`)} |`,
    '',
    `| intent F1 | ${columns.map(([name]) => name).join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
    ...[...new Set(columns.flatMap(([, s]) => Object.keys(s.intentF1)))]
      .sort()
      .map((k) => `| ${k} | ${columns.map(([, s]) => (s.intentF1[k] !== undefined ? fmt(s.intentF1[k]!) : '—')).join(' | ')} |`),
  ];
}

function readSet(name: TrainingSet): HealthcareRecord[] {
  const path = join(healthcareDir, `${name}.jsonl`);
  return existsSync(path) ? parseJsonl(readFileSync(path, 'utf8')) : [];
}

/** Cross-validated and train→dev figures: the model is retrained without the messages it is scored on. */
function generalisationTable(profile: OrgProfile): string[] {
  const train = readSet('train');
  const dev = readSet('dev');
  const extra = TRAINING_SETS.filter((name) => name !== 'train' && name !== 'dev').flatMap((name) => readSet(name));
  if (train.length === 0 || dev.length === 0) return ['(eval/healthcare/train.jsonl or dev.jsonl missing: not measured)'];
  const cv = crossValidate([...train, ...dev, ...extra], profile);
  const trainDev = trainThenScore(train, dev, profile);
  for (const [name, s] of [[`cv${CV_FOLDS}`, cv], ['train→dev', trainDev]] as const) {
    console.log(`healthcare ${name} (n=${s.n}): urgent ${pr(s.urgent)} (with the possibly-urgent lane ${pr(s.urgentOrPossible)}, lane ${fmt(s.possibleShare)}); AE ${pr(s.adverseEvent)}; PHI ${pr(s.phi)}; intent macro-F1 ${fmt(s.intentMacroF1)}; sentiment macro-F1 ${fmt(s.sentimentMacroF1)}`);
  }
  const row = (label: string, target: string, f: (s: HealthcareScores) => string): string => `| ${label} | ${target} | ${f(cv)} | ${f(trainDev)} |`;
  return [
    `| figure | target | ${CV_FOLDS}-fold CV over train+dev (n=${cv.n}) | trained on train, scored on dev (n=${trainDev.n}) |`,
    '|---|---|---|---|',
    row('urgent (emergency + self-harm)', 'R = 1.00, P ≥ 0.90', (s) => `${pr(s.urgent)} ${met(s.urgent.recall >= 1 && s.urgent.precision >= 0.9)}`),
    row('urgent or "possibly urgent" (what reaches a person at once)', '—', (s) => `${pr(s.urgentOrPossible)}; lane ${fmt(s.possibleShare)} of mentions`),
    row('adverse event', 'R ≥ 0.90', (s) => `${pr(s.adverseEvent)} ${met(s.adverseEvent.recall >= 0.9)}`),
    row('adverse-event elements exactly right', '—', (s) => fmt(s.aeElementsExact)),
    row('PHI, message level', 'R ≥ 0.95, P ≥ 0.85', (s) => `${pr(s.phi)} ${met(s.phi.recall >= 0.95 && s.phi.precision >= 0.85)}`),
    row('intent macro-F1 (mentions)', '≥ 0.80', (s) => `${fmt(s.intentMacroF1)} ${met(s.intentMacroF1 >= 0.8)}`),
    row('sentiment macro-F1', '≥ 0.75', (s) => `${fmt(s.sentimentMacroF1)} (acc ${fmt(s.sentimentAccuracy)}) ${met(s.sentimentMacroF1 >= 0.75)}`),
    '',
    `| intent F1 | CV | train→dev |`,
    '|---|---|---|',
    ...Object.keys(cv.intentF1)
      .sort()
      .map((k) => `| ${k} | ${fmt(cv.intentF1[k]!)} | ${trainDev.intentF1[k] !== undefined ? fmt(trainDev.intentF1[k]!) : '—'} |`),
  ];
}

function scoreSet(name: TrainingSet | HeldOutSet, profile: OrgProfile): HealthcareScores | null {
  const path = join(healthcareDir, `${name}.jsonl`);
  if (!existsSync(path)) {
    console.log(`healthcare ${name}: eval/healthcare/${name}.jsonl is missing; skipped`);
    return null;
  }
  const scores = scoreHealthcare(parseJsonl(readFileSync(path, 'utf8')), profile, name.startsWith('dev'));
  console.log(
    `healthcare ${name} (n=${scores.n}): urgent ${pr(scores.urgent)} (with the possibly-urgent lane ${pr(scores.urgentOrPossible)}, lane ${fmt(scores.possibleShare)}); AE ${pr(scores.adverseEvent)}; PHI ${pr(scores.phi)}; intent macro-F1 ${fmt(scores.intentMacroF1)}; sentiment macro-F1 ${fmt(scores.sentimentMacroF1)} (VADER ${fmt(scores.vaderMacroF1)})`,
  );
  return scores;
}

/** "a, b and c" */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

function main(): void {
  if (!existsSync(sharedEval) || !existsSync(presidioPath)) {
    fail(`../shared/eval/presidio-synth-v2.json not found (looked in ${sharedEval}); the shared data must sit beside the project`);
  }
  const showMisses = process.argv.includes('--misses');
  const records = JSON.parse(readFileSync(presidioPath, 'utf8')) as PresidioRecord[];
  const presidio = presidioTable(records);
  const profile = loadProfile();
  const devSets = TRAINING_SETS.filter((name) => name.startsWith('dev'));
  const columns: Column[] = [];
  for (const name of devSets) {
    const set = scoreSet(name, profile);
    if (set) columns.push([name, set]);
  }
  if (showMisses) for (const [name, set] of columns) for (const m of set.misses) console.log(`  ${name} miss ${m}`);
  // While tuning, `--dev-only` keeps even the holdouts' aggregate figures out of sight.
  const devOnly = process.argv.includes('--dev-only');
  for (const name of devOnly ? [] : HELD_OUT_SETS) {
    const set = scoreSet(name, profile);
    if (set) columns.push([name, set]);
  }
  const generalisation = process.argv.includes('--no-cv') ? ['(skipped with --no-cv)'] : generalisationTable(profile);

  const report = [
    '# Safety engine evaluation',
    '',
    'Written by `npm run eval` (eval/run.ts); do not edit by hand.',
    '',
    '## Healthcare messages (eval/healthcare)',
    '',
    `Labelled social messages about a hospital (schema in eval/healthcare/README.md), analysed with eval/healthcare/hospital.json as the organisation profile. The engine is rules (phrase lists, high precision) plus a linear model over word and character n-grams and the rule signals (src/safety/model), trained on ${listed(TRAINING_SETS)}: those columns are therefore training-set figures. Generalisation is read from the cross-validation table below and from the held-out sets, which are scored in aggregate and never read: the honest figures are the first readings of each blind set, in eval/healthcare/README.md (the latest: holdout-64 and holdout-65, written blind in stop 24 and read blind in stop 25 by the engine stop 24 left and by the final engine of stop 23, holdout-64 then renamed dev64; holdout-62 and holdout-63, written blind in stop 24 and read blind by that stop's engine after dev60 and by the final engine of stop 23, holdout-63 then renamed dev63; holdout-60 and holdout-61, written blind at the end of stop 23 and read blind in stop 24 by the final engines of stops 23 and 22, holdout-60 then renamed dev60; holdout-58 and holdout-59, read blind in stop 23 by the engine through dev56 and by the final engine of stop 22, holdout-59 then renamed dev59; holdout-56 and holdout-57, read blind in stop 23 by the engine through dev54 after that stop's urgent-threshold change and by the final engine of stop 22, holdout-56 then renamed dev56; holdout-54 and holdout-55, read blind at the end of stop 22 by the engine through dev52 and by the final engine of stop 21, holdout-54 then renamed dev54; holdout-52 and holdout-53, read blind in stop 22 by the engine through dev50 and by the final engine of stop 21, holdout-52 then renamed dev52; holdout-50 and holdout-51, read blind at the start of stop 22 by the final engine of stop 21, holdout-50 then renamed dev50; holdout-48 and holdout-49, read blind in stop 21 by the engine through dev47 and by the final engine of stop 20, holdout-49 then renamed dev49; holdout-46 and holdout-47, read blind at the start of stop 21 by the final engine of stop 20, holdout-47 then renamed dev47; holdout-44 and holdout-45, read blind at the end of stop 20 by the final engine of stop 19 and by the final engine of stop 20; holdout-37, -38, -41 and -42 were read blind earlier in stop 20 by the engine of the moment and by stop 19's, holdout-34 and -35 at the end of stop 19, holdout-25, -26, -29, -30 and -33 earlier in stop 19, and all of them again in aggregate after later retraining; nothing has been read in any of them, but for the first 300 characters of one holdout-37 item printed by mistake in stop 20 while checking the file's format and of one holdout-34 item printed by a search over every set in stop 21, and for the first 120 characters of 16 items of holdout-10, -22, -26, -33, -34, -35, -37, -38, -46 and -48 printed in stop 22 by a before/after comparison whose filter for held-out ids missed (listed in eval/healthcare/README.md), and for the first 200 characters of one holdout-57 item printed in stop 23 while checking another file's ids; holdout-22 was read the same way in stop 18; holdout-18 to holdout-21, holdout-23, holdout-24, holdout-27, holdout-28, holdout-31, holdout-32, holdout-36, holdout-39, holdout-40 and holdout-43 were each read blind by two engines and then renamed dev18 to dev43, holdout-47 by one and renamed dev47, holdout-49 by two and renamed dev49, holdout-50 by one and renamed dev50, holdout-52, holdout-54, holdout-56, holdout-59, holdout-60, holdout-63 and holdout-64 by two and renamed dev52, dev54, dev56, dev59, dev60, dev63 and dev64); holdout-7 was read in aggregate three times in stop 14, the last after dev6 joined the training data; holdout-10 was read twice in aggregate in stop 15, before and after train5 joined the training data (both readings are in eval/healthcare/README.md); holdout-4 has been scored in aggregate several times and the first holdout many times across sessions. ${listed(devSets.filter((name) => name !== 'dev'))} were written the same way and each scored before being tuned on (their first readings are in eval/healthcare/README.md). "Urgent or possibly urgent" counts what reaches a person at once: urgent messages plus the inbox's "possibly urgent" lane (the share of mentions the lane holds is beside it). Urgent, adverse-event and PHI figures are message-level; intents are scored on mentions only (drafts carry none); PHI baselines count a message as flagged when the library finds any identifier (they have no notion of context).`,
    '',
    ...healthcareTable(columns),
    '',
    '### Generalisation without the holdout',
    '',
    `Each fold's model (weights and thresholds, the thresholds from inner folds) is trained without the messages it is scored on. The rule phrase lists are shared by every fold and were written while reading dev and train, so these figures flatter the rules somewhat; holdout is the honest test.`,
    '',
    ...generalisation,
    '',
    `## Identifier detection on presidio-synth-v2 (${records.length} general, non-healthcare sentences)`,
    '',
    "Raw identifier detection, not the context-filtered PHI decision. A prediction counts when it overlaps a gold span of the same type; a gold span counts as found when a prediction of its type overlaps it. Mapping: Bedside's PHONE_NUMBER and FAX_NUMBER → PHONE_NUMBER; every DATE (bare years and weekdays included, as the dataset labels them) → DATE_TIME. ZIPs: the dataset usually folds a ZIP into its STREET_ADDRESS span, so a predicted ZIP_CODE inside a gold address is neither a hit nor a false positive; gold ZIP_CODE spans are found only by a predicted ZIP_CODE. redact-pii spans are recovered by aligning its redacted output with the input; it has no date detector. OpenRedaction types are mapped by name (NAME → PERSON, PHONE_* → PHONE_NUMBER, ADDRESS_* → STREET_ADDRESS, ZIP_* → ZIP_CODE, DATE_* → DATE_TIME).",
    '',
    ...presidio,
    '',
  ].join('\n');
  writeFileSync(join(here, 'RESULTS.md'), report);
  console.log('wrote eval/RESULTS.md');
}

main();
