/** Feed dates come as RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and the odd local-time string. */

const NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// Zone abbreviations V8 does not know, as seen in the wild in RSS pubDate.
const ZONES: Record<string, string> = { UT: '+0000', Z: '+0000', CET: '+0100', CEST: '+0200', BST: '+0100', IST: '+0530', AEST: '+1000', AEDT: '+1100' };

/** ISO 8601 UTC, or undefined when the string is not a date we can trust. */
export function toIsoUtc(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let text = raw.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 64) return undefined;
  // A zone-less timestamp is taken as UTC rather than as the server's local time.
  if (NO_ZONE.test(text)) text = `${text.replace(' ', 'T')}Z`;
  else if (DATE_ONLY.test(text)) text = `${text}T00:00:00Z`;
  else text = text.replace(/ ([A-Z]{1,4})$/, (whole, zone: string) => (ZONES[zone] ? ` ${ZONES[zone]}` : whole));
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1970 || year > 9999) return undefined;
  return date.toISOString();
}
