/**
 * Scores the engine on the labelled healthcare set (eval/healthcare/*.jsonl, schema in its
 * README): urgent, adverse events, PHI (message level), intents (mentions; drafts carry none)
 * and sentiment, with redact-pii / OpenRedaction (PHI) and VADER (sentiment) beside it.
 */
import { analyzeMessage, INTENTS, type OrgProfile, type MessageKind, type MessageAnalysis } from '../src/safety/index.ts';
import { redactPiiSpans, openRedactionSpans, vaderSentiment } from './baselines.ts';
import { BinaryTally, macroF1, type Prf } from './metrics.ts';

export interface HealthcareRecord {
  id: string;
  kind: MessageKind;
  text: string;
  labels: {
    sentiment: 'positive' | 'neutral' | 'negative';
    intents: string[];
    urgent: boolean;
    phi: boolean;
    phi_types: string[];
    adverse_event_elements?: string[];
  };
}

export interface HealthcareScores {
  n: number;
  urgent: Prf;
  /** Urgent messages against what reaches a person at once: urgent or in the "possibly urgent" lane. */
  urgentOrPossible: Prf;
  /** Share of mentions in the "possibly urgent" lane. */
  possibleShare: number;
  adverseEvent: Prf;
  aeElementsExact: number;
  phi: Prf;
  phiRedactPii: Prf;
  phiOpenRedaction: Prf;
  intentMacroF1: number;
  intentF1: Record<string, number>;
  sentimentMacroF1: number;
  sentimentAccuracy: number;
  vaderMacroF1: number;
  vaderAccuracy: number;
  /** Per message, only for the dev set: what the engine got wrong (ids and labels, no text). */
  misses: string[];
}

const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

export function parseJsonl(content: string): HealthcareRecord[] {
  return content
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as HealthcareRecord);
}

/** How a record is analysed: the shipped engine, or (for cross-validation) a model trained without it. */
export type Analyze = (record: HealthcareRecord, profile: OrgProfile) => MessageAnalysis;

const shippedEngine: Analyze = (r, profile) => analyzeMessage({ text: r.text, kind: r.kind }, profile);

export function scoreHealthcare(
  records: HealthcareRecord[],
  profile: OrgProfile,
  collectMisses: boolean,
  analyze: Analyze = shippedEngine,
  withBaselines = true,
): HealthcareScores {
  const urgent = new BinaryTally();
  const urgentOrPossible = new BinaryTally();
  let possible = 0;
  let mentions = 0;
  const adverse = new BinaryTally();
  let aeExact = 0;
  let aeTotal = 0;
  const phi = new BinaryTally();
  const phiRedact = new BinaryTally();
  const phiOpen = new BinaryTally();
  const intents = new Map(INTENTS.map((i) => [i as string, new BinaryTally()]));
  const sentiment = new Map(SENTIMENTS.map((s) => [s as string, new BinaryTally()]));
  const vader = new Map(SENTIMENTS.map((s) => [s as string, new BinaryTally()]));
  let sentimentRight = 0;
  let vaderRight = 0;
  const misses: string[] = [];

  for (const r of records) {
    const a = analyze(r, profile);
    const l = r.labels;
    urgent.add(l.urgent, a.urgent);
    urgentOrPossible.add(l.urgent, a.urgent || a.possiblyUrgent);
    if (r.kind === 'mention') {
      mentions++;
      if (a.possiblyUrgent) possible++;
    }
    const expectedAe = l.intents.includes('adverse_event');
    adverse.add(expectedAe, a.intents.includes('adverse_event'));
    if (expectedAe && l.adverse_event_elements) {
      aeTotal++;
      const got = a.adverseEvent ? Object.entries(a.adverseEvent).filter(([, v]) => v).map(([k]) => k).sort().join(',') : '';
      if (got === [...l.adverse_event_elements].sort().join(',')) aeExact++;
    }
    phi.add(l.phi, a.phi.found);
    if (withBaselines) {
      phiRedact.add(l.phi, redactPiiSpans(r.text).some((s) => s.type !== 'DIGITS'));
      phiOpen.add(l.phi, openRedactionSpans(r.text).length > 0);
    }
    if (r.kind === 'mention') {
      for (const intent of INTENTS) intents.get(intent)!.add(l.intents.includes(intent), a.intents.includes(intent));
    }
    for (const s of SENTIMENTS) {
      sentiment.get(s)!.add(l.sentiment === s, a.sentiment === s);
      if (withBaselines) vader.get(s)!.add(l.sentiment === s, vaderSentiment(r.text) === s);
    }
    if (a.sentiment === l.sentiment) sentimentRight++;
    if (withBaselines && vaderSentiment(r.text) === l.sentiment) vaderRight++;

    if (collectMisses) {
      const wrong: string[] = [];
      if (a.urgent !== l.urgent) wrong.push(`urgent ${l.urgent}→${a.urgent}`);
      if (a.phi.found !== l.phi) wrong.push(`phi ${l.phi}→${a.phi.found} [${l.phi_types.join(',')}] got [${a.phi.spans.map((s) => s.type).join(',')}]`);
      const want = r.kind === 'mention' ? [...l.intents].sort().join(',') : '';
      const got = r.kind === 'mention' ? [...a.intents].sort().join(',') : '';
      if (want !== got) wrong.push(`intents ${want}→${got}`);
      if (a.sentiment !== l.sentiment) wrong.push(`sentiment ${l.sentiment}→${a.sentiment}`);
      if (wrong.length) misses.push(`${r.id} ${wrong.join('; ')}`);
    }
  }
  const intentF1: Record<string, number> = {};
  for (const [k, t] of intents) if (t.tp + t.fp + t.fn > 0) intentF1[k] = t.result().f1;
  return {
    n: records.length,
    urgent: urgent.result(),
    urgentOrPossible: urgentOrPossible.result(),
    possibleShare: possible / Math.max(1, mentions),
    adverseEvent: adverse.result(),
    aeElementsExact: aeTotal ? aeExact / aeTotal : 1,
    phi: phi.result(),
    phiRedactPii: phiRedact.result(),
    phiOpenRedaction: phiOpen.result(),
    intentMacroF1: macroF1(intents),
    intentF1,
    sentimentMacroF1: macroF1(sentiment),
    sentimentAccuracy: sentimentRight / Math.max(1, records.length),
    vaderMacroF1: macroF1(vader),
    vaderAccuracy: vaderRight / Math.max(1, records.length),
    misses,
  };
}
