/**
 * What ingestion keeps of a message's analysis: the columns a stored mention needs, with its
 * analysis record already written as JSON. The analysis threads send this instead of the full
 * result, because reading a structured clone of the full result (findings with their messages and
 * rewrites, PHI spans with their text, the playbook's templates) cost the storing thread more than
 * the insert of the row it was for (bench/ingest).
 */
import type { AdverseEventElements, IdentifierType, Intent, MessageAnalysis, ResponsePlaybook, Sentiment } from '../safety/index.ts';
import { packedTokens, type PackedTokens } from '../domain/listening/query/index.ts';

type PlaybookKind = ResponsePlaybook['kind'];

export interface IngestAnalysis {
  sentiment: Sentiment;
  intents: Intent[];
  urgent: boolean;
  /** For the inbox's "possibly urgent" lane. */
  possiblyUrgent: boolean;
  /** The kinds of PHI found, each once. */
  phiTypes: IdentifierType[];
  /** The mention's `analysis` column (StoredAnalysis as JSON). */
  record: string;
  /**
   * The text's tokens, for the full-text index and the listening queries: tokenised beside the
   * analysis, off the thread that stores (left out, the storing thread tokenises the text itself).
   */
  tokens?: PackedTokens | undefined;
}

/**
 * The `analysis` column as ingestion writes it: only what is there (a plain mention's is `{}`),
 * and the playbook by its kind alone — the inbox builds the playbook from the workspace's profile
 * when it is read (withCurrentPlaybooks), so an urgent item names today's on-call person and
 * templates, and a million stored mentions do not each carry the same few hundred bytes. Rows
 * written before kept the whole playbook; readers take its `kind` from either form.
 */
export interface StoredAnalysis {
  findings?: Array<{ rule: string; severity: string; type?: string | undefined }>;
  adverseEvent?: AdverseEventElements;
  playbook?: { kind: PlaybookKind };
  possiblyUrgent?: true;
}

/** `text`: the message analysed, whose tokens are to come along. */
export function ingestAnalysis(a: MessageAnalysis, text?: string): IngestAnalysis {
  const phiTypes: IdentifierType[] = [];
  for (const span of a.phi.spans) if (!phiTypes.includes(span.type)) phiTypes.push(span.type);
  const record: StoredAnalysis = {};
  if (a.findings.length > 0) record.findings = a.findings.map(({ rule, severity, type }) => ({ rule, severity, type }));
  if (a.adverseEvent) record.adverseEvent = a.adverseEvent;
  if (a.playbook) record.playbook = { kind: a.playbook.kind };
  if (a.possiblyUrgent) record.possiblyUrgent = true;
  return {
    sentiment: a.sentiment,
    intents: a.intents,
    urgent: a.urgent,
    possiblyUrgent: a.possiblyUrgent,
    phiTypes,
    record: JSON.stringify(record),
    ...(text === undefined ? {} : { tokens: packedTokens(text) }),
  };
}

/** The playbook kind a stored analysis names, in either form (kind alone, or a whole playbook of older rows). */
export function storedPlaybookKind(analysis: unknown): PlaybookKind | null {
  if (typeof analysis !== 'object' || analysis === null) return null;
  const playbook = (analysis as { playbook?: unknown }).playbook;
  if (typeof playbook !== 'object' || playbook === null) return null;
  const kind = (playbook as { kind?: unknown }).kind;
  return kind === 'emergency' || kind === 'self_harm' ? kind : null;
}
