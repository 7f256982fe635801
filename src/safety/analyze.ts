import type { MessageAnalysis, MessageInput, PhiFinding } from './types.ts';
import { EMPTY_PROFILE, type OrgProfile } from './profile.ts';
import { findIdentifiers } from './identifiers.ts';
import { guardPhi } from './phi-guard.ts';
import { triageMessage } from './triage.ts';
import { classifySentiment } from './sentiment.ts';
import { responsePlaybook } from './playbook.ts';

/** Longest text analysed; beyond it the message is cut (and says so in a finding). */
export const MAX_TEXT_CHARS = 200_000;

/**
 * Everything the inbox, the composer and listening ingestion need to know about one message.
 * Pure: no I/O, no clock, never throws on any string.
 */
export function analyzeMessage(input: MessageInput, profile: OrgProfile = EMPTY_PROFILE): MessageAnalysis {
  const kind = input.kind === 'draft' ? 'draft' : 'mention';
  const raw = typeof input.text === 'string' ? input.text : '';
  const truncated = raw.length > MAX_TEXT_CHARS;
  const text = maskMarkup(truncated ? raw.slice(0, MAX_TEXT_CHARS) : raw);

  // Triage is for incoming messages; our own drafts carry no intents and are never urgent.
  const triage = kind === 'mention' ? triageMessage(text) : { intents: [], urgent: false, adverseEvent: null };
  const identifiers = findIdentifiers(text);
  // Numbers and links in spam belong to the spammer, not to a patient.
  const isSpam = triage.intents.includes('spam');
  const phi = isSpam ? { found: false, spans: [], findings: [] } : guardPhi(text, kind, identifiers, profile, input.replyTo);
  const findings: PhiFinding[] = [...phi.findings];
  // Spans refer to the text as given: markup was blanked to spaces, so offsets still hold.
  const spans = phi.spans.map((s) => ({ ...s, text: raw.slice(s.start, s.end) }));

  let playbook = null;
  if (triage.urgent) {
    playbook = responsePlaybook(triage.intents.includes('self_harm') ? 'self_harm' : 'emergency', profile);
    findings.push({
      rule: triage.intents.includes('self_harm') ? 'urgent.self-harm' : 'urgent.emergency',
      severity: 'warn',
      message: `Urgent: answer with the template now and escalate to ${playbook.escalateTo?.name ?? 'the on-call manager'}; keep the message as evidence.`,
      suggestion: playbook.replyTemplate,
    });
  }
  if (triage.adverseEvent) {
    const missing = Object.entries(triage.adverseEvent)
      .filter(([, present]) => !present)
      .map(([element]) => element);
    findings.push({
      rule: 'adverse-event.report',
      severity: 'info',
      message: `Possible adverse event: forward to pharmacovigilance/patient safety${missing.length ? ` (missing: ${missing.join(', ')})` : ' (all four elements present)'}.`,
    });
  }
  if (triage.intents.includes('misinformation')) {
    findings.push({ rule: 'misinformation', severity: 'info', message: 'Possible health misinformation: do not amplify; answer with a sourced fact if at all.' });
  }
  if (truncated) {
    findings.push({ rule: 'input.truncated', severity: 'info', message: `Only the first ${MAX_TEXT_CHARS} characters were analysed.` });
  }

  return {
    sentiment: classifySentiment(text, triage.intents, kind),
    intents: triage.intents,
    urgent: triage.urgent,
    phi: { found: phi.found, spans },
    findings,
    adverseEvent: triage.adverseEvent,
    playbook,
  };
}

const TAG = /<\/?[A-Za-z][^<>]{0,500}>|<!--[\s\S]{0,2000}?-->/g;

/** Blanks HTML tags with spaces of the same length, so offsets into the original text stay valid. */
function maskMarkup(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(TAG, (m) => ' '.repeat(m.length));
}
