/**
 * What ingestion keeps of a message's analysis: the columns a stored mention needs, with its
 * analysis record already written as JSON. The analysis threads send this instead of the full
 * result, because reading a structured clone of the full result (findings with their messages and
 * rewrites, PHI spans with their text, the playbook's templates) cost the storing thread more than
 * the insert of the row it was for (bench/ingest).
 */
import type { IdentifierType, Intent, MessageAnalysis, Sentiment } from '../safety/index.ts';
import { packedTokens, type PackedTokens } from '../domain/listening/query/index.ts';

export interface IngestAnalysis {
  sentiment: Sentiment;
  intents: Intent[];
  urgent: boolean;
  /** For the inbox's "possibly urgent" lane. */
  possiblyUrgent: boolean;
  /** The kinds of PHI found, each once. */
  phiTypes: IdentifierType[];
  /** The mention's `analysis` column: findings without text, adverse-event elements, playbook, lane. */
  record: string;
  /**
   * The text's tokens, for the full-text index and the listening queries: tokenised beside the
   * analysis, off the thread that stores (left out, the storing thread tokenises the text itself).
   */
  tokens?: PackedTokens | undefined;
}

/** `text`: the message analysed, whose tokens are to come along. */
export function ingestAnalysis(a: MessageAnalysis, text?: string): IngestAnalysis {
  const phiTypes: IdentifierType[] = [];
  for (const span of a.phi.spans) if (!phiTypes.includes(span.type)) phiTypes.push(span.type);
  return {
    sentiment: a.sentiment,
    intents: a.intents,
    urgent: a.urgent,
    possiblyUrgent: a.possiblyUrgent,
    phiTypes,
    record: JSON.stringify({
      findings: a.findings.map(({ rule, severity, type }) => ({ rule, severity, type })),
      adverseEvent: a.adverseEvent,
      playbook: a.playbook,
      possiblyUrgent: a.possiblyUrgent,
    }),
    ...(text === undefined ? {} : { tokens: packedTokens(text) }),
  };
}
