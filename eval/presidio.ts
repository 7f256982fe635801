/**
 * Span-level identifier detection on presidio-synth-v2 (general, non-healthcare text). This
 * scores raw detection, not the PHI decision: the context filter is not applied.
 *
 * Matching: a predicted span is correct when it overlaps a gold span of the same type (any
 * overlap: the gold spans' boundaries vary, e.g. titles and trailing commas); a gold span is
 * found when a predicted span of its type overlaps it.
 * Type mapping: our PHONE_NUMBER and FAX_NUMBER → PHONE_NUMBER; every DATE (including bare
 * years and weekdays, which the dataset labels DATE_TIME) → DATE_TIME; the rest by name.
 * ZIPs inside addresses: the dataset often folds the ZIP into a STREET_ADDRESS span instead of
 * labelling it ZIP_CODE, so a predicted ZIP_CODE inside a gold STREET_ADDRESS is neither a hit
 * nor a false positive; gold ZIP_CODE spans count as found only by a predicted ZIP_CODE.
 */
import { findIdentifiers } from '../src/safety/index.ts';
import type { BaselineSpan } from './baselines.ts';
import { prf, type Prf } from './metrics.ts';

export const PRESIDIO_TYPES = ['PERSON', 'PHONE_NUMBER', 'EMAIL_ADDRESS', 'US_SSN', 'STREET_ADDRESS', 'DATE_TIME', 'ZIP_CODE', 'CREDIT_CARD'] as const;

export interface PresidioRecord {
  full_text: string;
  spans: Array<{ entity_type: string; entity_value: string; start_position: number; end_position: number }>;
}

export function bedsideSpans(text: string): BaselineSpan[] {
  return findIdentifiers(text).map((s) => ({
    type: s.type === 'FAX_NUMBER' ? 'PHONE_NUMBER' : s.type === 'DATE' ? 'DATE_TIME' : s.type,
    start: s.start,
    end: s.end,
  }));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

export function scorePresidio(records: PresidioRecord[], detect: (text: string) => BaselineSpan[]): Record<string, Prf> {
  const counts = new Map<string, { tp: number; hits: number; fp: number; fn: number }>(
    PRESIDIO_TYPES.map((t) => [t, { tp: 0, hits: 0, fp: 0, fn: 0 }]),
  );
  for (const record of records) {
    const gold = record.spans.map((s) => ({ type: s.entity_type, start: s.start_position, end: s.end_position }));
    const predicted = detect(record.full_text);
    for (const type of PRESIDIO_TYPES) {
      const c = counts.get(type)!;
      const g = gold.filter((s) => s.type === type);
      const p = predicted.filter((s) => s.type === type);
      for (const span of g) if (p.some((q) => overlaps(q, span))) c.tp++;
      else c.fn++;
      for (const span of p) {
        if (g.some((q) => overlaps(q, span))) {
          c.hits++;
          continue;
        }
        const zipInAddress = type === 'ZIP_CODE' && gold.some((q) => q.type === 'STREET_ADDRESS' && overlaps(q, span));
        if (!zipInAddress) c.fp++;
      }
    }
  }
  // Recall counts gold spans found; precision counts predictions that hit a gold span.
  const out: Record<string, Prf> = {};
  for (const type of PRESIDIO_TYPES) {
    const c = counts.get(type)!;
    const recall = prf(c.tp, 0, c.fn).recall;
    const precision = prf(c.hits, c.fp, 0).precision;
    out[type] = { tp: c.tp, fp: c.fp, fn: c.fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
  return out;
}
