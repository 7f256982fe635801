import type { Intent, MessageAnalysis, MessageInput, PhiFinding, PhiSpan, Sentiment } from './types.ts';
import { EMPTY_PROFILE, type OrgProfile } from './profile.ts';
import { gatherEvidence, maskMarkup, type MessageEvidence } from './evidence.ts';
import { adverseEventElementsOf } from './triage.ts';
import { responsePlaybook } from './playbook.ts';
import { label } from './phi-guard.ts';
import { shippedModel, score, decide, type LinearModel, type Decisions } from './model/index.ts';

/** Longest text analysed; beyond it the message is cut (and says so in a finding). */
export const MAX_TEXT_CHARS = 200_000;

/**
 * Everything the inbox, the composer and listening ingestion need to know about one message.
 * Pure: no I/O (the model file is read once, on first use), no clock, never throws on any string.
 */
export function analyzeMessage(input: MessageInput, profile: OrgProfile = EMPTY_PROFILE): MessageAnalysis {
  return analyzeWithModel(input, profile, shippedModel());
}

/** The same analysis with a given model (null: rules only); evaluation uses it for cross-validation. */
export function analyzeWithModel(input: MessageInput, profile: OrgProfile, model: LinearModel | null): MessageAnalysis {
  const kind = input.kind === 'draft' ? 'draft' : 'mention';
  const raw = typeof input.text === 'string' ? input.text : '';
  const truncated = raw.length > MAX_TEXT_CHARS;
  const text = maskMarkup(truncated ? raw.slice(0, MAX_TEXT_CHARS) : raw);

  const evidence = gatherEvidence(text, kind, profile, input.replyTo);
  // Nothing to read, nothing for the model to guess: an empty message keeps the rules' neutral answer.
  const decision = model && text.trim() ? decide(evidence, score(model, evidence.features), model.thresholds) : ruleDecisions(evidence);
  const { intents, urgent } = decision;
  const adverseEvent = intents.includes('adverse_event') ? (evidence.rules.adverseEvent ?? adverseEventElementsOf(text)) : null;

  const findings: PhiFinding[] = [];
  let phiSpans: PhiSpan[] = [];
  if (decision.phi) {
    findings.push(...evidence.phi.findings);
    phiSpans = evidence.phi.spans;
    if (!evidence.phi.found) {
      // The model judged the message PHI where the context rules did not: show the person's identifiers.
      phiSpans = evidence.phi.candidates;
      findings.push(...phiSpans.map((s) => modelPhiFinding(s, kind)));
      if (phiSpans.length === 0) findings.push(modelPhiFinding(null, kind));
    }
  }
  // Spans refer to the text as given: markup was blanked to spaces, so offsets still hold.
  // Named fields only: a candidate carries the finder's marks, which are not part of the answer.
  const spans: PhiSpan[] = phiSpans.map((s) => ({ type: s.type, start: s.start, end: s.end, text: raw.slice(s.start, s.end) }));

  let playbook = null;
  if (urgent) {
    playbook = responsePlaybook(intents.includes('self_harm') ? 'self_harm' : 'emergency', profile);
    findings.push({
      rule: intents.includes('self_harm') ? 'urgent.self-harm' : 'urgent.emergency',
      severity: 'warn',
      message: `Urgent: answer with the template now and escalate to ${playbook.escalateTo?.name ?? 'the on-call manager'}; keep the message as evidence.`,
      suggestion: playbook.replyTemplate,
    });
  }
  if (decision.possiblyUrgent) {
    findings.push({
      rule: 'urgent.possible',
      severity: 'warn',
      message: 'Possibly urgent: not clearly an emergency or a crisis, but close enough that a person should read it now.',
    });
  }
  if (adverseEvent) {
    const missing = Object.entries(adverseEvent)
      .filter(([, present]) => !present)
      .map(([element]) => element);
    findings.push({
      rule: 'adverse-event.report',
      severity: 'info',
      message: `Possible adverse event: forward to pharmacovigilance/patient safety${missing.length ? ` (missing: ${missing.join(', ')})` : ' (all four elements present)'}.`,
    });
  }
  if (intents.includes('misinformation')) {
    findings.push({ rule: 'misinformation', severity: 'info', message: 'Possible health misinformation: do not amplify; answer with a sourced fact if at all.' });
  }
  if (truncated) {
    findings.push({ rule: 'input.truncated', severity: 'info', message: `Only the first ${MAX_TEXT_CHARS} characters were analysed.` });
  }

  return {
    sentiment: decision.sentiment,
    intents,
    urgent,
    possiblyUrgent: decision.possiblyUrgent,
    phi: { found: decision.phi, spans },
    findings,
    adverseEvent,
    playbook,
  };
}

/** Without a trained model: the rules' own answers. */
function ruleDecisions(evidence: MessageEvidence): Decisions {
  const intents: Intent[] = evidence.rules.intents;
  const sentiment: Sentiment = evidence.ruleSentiment;
  return { intents, urgent: evidence.rules.urgent, possiblyUrgent: false, sentiment, phi: evidence.phi.found && !intents.includes('spam') };
}

function modelPhiFinding(span: PhiSpan | null, kind: 'mention' | 'draft'): PhiFinding {
  const what = span ? `a ${label(span.type)}` : 'details';
  const base = span ? { span: { start: span.start, end: span.end }, type: span.type } : {};
  return kind === 'draft'
    ? { rule: 'phi.model', severity: 'block', message: `Outgoing text likely contains ${what} tied to someone's care; check before posting.`, ...base }
    : { rule: 'phi.model', severity: 'warn', message: `Incoming message likely contains ${what} tied to someone's care: do not quote, share or answer it publicly.`, ...base };
}
