/**
 * analyze.msgs_per_s: messages per second through the safety engine on one core (the engine is
 * synchronous and single-threaded), median of 7 timed runs over a mixed set of 2,000 messages
 * built from templates (questions, complaints, praise, emergencies, drafts with PHI, long posts).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeMessage, parseOrgProfile, EMPTY_PROFILE, type MessageInput } from '../src/safety/index.ts';
import type { BenchOutcome } from './types.ts';

const TEMPLATES: MessageInput[] = [
  { text: 'What time does the flu clinic open on Saturday?', kind: 'mention' },
  { text: 'Waited 6 hours in the ER with a broken wrist. Nobody explained anything. Never again.', kind: 'mention' },
  { text: 'Thank you Dr. Okafor and the whole cardiology team, you saved my life! ❤️', kind: 'mention' },
  { text: 'My dad has crushing chest pain and his left arm is numb, what do we do??', kind: 'mention' },
  { text: "I don't want to be here anymore. Everyone would be better off without me.", kind: 'mention' },
  { text: 'Got my covid booster yesterday and now my arm is swollen and I have a fever of 101', kind: 'mention' },
  { text: 'Vaccines cause autism, do your own research before you let them poison your kids', kind: 'mention' },
  { text: 'Earn $500 a day from home!! DM me now, link in bio 💰🚀', kind: 'mention' },
  { text: 'My husband John Perez DOB 3/4/1941 was admitted Tuesday, MRN 4482913. Call me at 555-0147.', kind: 'mention' },
  { text: 'Glad your knee surgery went well, Tom! See you at your follow-up.', kind: 'draft' },
  { text: 'Join us March 14 for our free Community Health Fair at 1200 Harbor View Drive! Call (555) 010-2000.', kind: 'draft' },
  { text: '<p>Great <b>news</b>: my biopsy came back <i>negative</i>! 🎉</p>', kind: 'mention' },
  { text: 'Hola, ¿tienen intérpretes en español para las citas? My mom doesn’t speak English well.', kind: 'mention' },
  { text: '🙏🙏🙏', kind: 'mention' },
  {
    text: 'Long post about our visit. '.repeat(40) + 'The nurses on 3 East were wonderful but billing charged us twice for the same MRI.',
    kind: 'mention',
  },
];

function messages(count: number): MessageInput[] {
  const out: MessageInput[] = [];
  for (let i = 0; i < count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    // A varying suffix keeps any caching honest.
    out.push({ ...t, text: `${t.text} #${i}` });
  }
  return out;
}

function loadProfile() {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'eval', 'healthcare', 'hospital.json');
  if (!existsSync(path)) return EMPTY_PROFILE;
  const parsed = parseOrgProfile(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.ok ? parsed.profile : EMPTY_PROFILE;
}

export async function run(): Promise<BenchOutcome> {
  const profile = loadProfile();
  const set = messages(2000);
  for (const m of set.slice(0, 300)) analyzeMessage(m, profile); // warm-up
  const rates: number[] = [];
  for (let run = 0; run < 7; run++) {
    const start = process.hrtime.bigint();
    for (const m of set) analyzeMessage(m, profile);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(set.length / seconds);
  }
  rates.sort((a, b) => a - b);
  return {
    figures: { 'analyze.msgs_per_s': Math.round(rates[Math.floor(rates.length / 2)]!) },
    targets: { 'analyze.msgs_per_s': { op: '>=', value: 2000 } },
    how: 'analyzeMessage (identifiers, PHI guard, triage, sentiment) on one core over 2,000 mixed messages (15 templates: questions, complaints, praise, emergencies, self-harm, adverse events, spam, PHI mentions and drafts, HTML, emoji, Spanish, a 1 kB post), median of 7 runs after a warm-up, with the eval hospital profile.',
  };
}
