import type { IdentifierSpan } from './types.ts';
import { personName, type OrgProfile } from './profile.ts';
import { digitsOf } from './validators.ts';

/**
 * The organisation's own public details, normalised for matching: an identifier that matches
 * one of these belongs to the hospital, its staff or a public figure, not to a patient.
 */
export interface OrgDetails {
  phones: Set<string>;
  emails: Set<string>;
  domains: string[];
  handles: Set<string>;
  addressKeys: string[];
  zips: Set<string>;
  /** Lower-case name tokens of staff, clinicians, public figures and the organisation itself. */
  knownNameTokens: Set<string>;
  knownFullNames: Set<string>;
}

const cache = new WeakMap<OrgProfile, OrgDetails>();

export function orgDetails(profile: OrgProfile): OrgDetails {
  const hit = cache.get(profile);
  if (hit) return hit;
  const details: OrgDetails = {
    phones: new Set(profile.phones.map((p) => lastTen(p)).filter((p) => p.length >= 7)),
    emails: new Set(profile.emails.map((e) => e.toLowerCase())),
    domains: [...profile.urls, ...profile.emails.map((e) => e.split('@')[1] ?? '')]
      .map((u) => u.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').split('/')[0] ?? '')
      .filter((d) => d.length > 3),
    handles: new Set(profile.handles.map((h) => h.toLowerCase().replace(/^@/, ''))),
    addressKeys: profile.addresses.map(addressKey).filter((k) => k.length > 3),
    zips: new Set(profile.addresses.flatMap((a) => a.match(/\b\d{5}\b/g) ?? [])),
    knownNameTokens: new Set(),
    knownFullNames: new Set(),
  };
  const people = [...profile.staff, ...profile.public_figures].map(personName);
  const orgNames = [profile.name, ...profile.aliases, ...profile.facilities, ...profile.public_events];
  for (const n of [...people, ...orgNames]) {
    details.knownFullNames.add(n.toLowerCase());
    for (const t of n.toLowerCase().split(/[^\p{L}'-]+/u)) if (t.length >= 3) details.knownNameTokens.add(t);
  }
  cache.set(profile, details);
  return details;
}

function lastTen(phone: string): string {
  return digitsOf(phone.replace(/\s*(?:x|ext\.?|extension)\s*\d{1,5}\s*$/i, '')).slice(-10);
}

function addressKey(address: string): string {
  // "1200 Harbor View Drive, Millbrook…" → "1200 harbor": the number and the first street word.
  const m = /(\d{1,6})\s+([\p{L}\d]+)/u.exec(address);
  return m ? `${m[1]} ${m[2]!.toLowerCase()}` : '';
}

/** True when the span is the hospital's own phone, email, site, handle, address, staff or public figure. */
export function isOrgOwn(span: IdentifierSpan, d: OrgDetails): boolean {
  const value = span.text.toLowerCase();
  switch (span.type) {
    case 'PHONE_NUMBER':
    case 'FAX_NUMBER':
      return d.phones.has(lastTen(span.text));
    case 'EMAIL_ADDRESS':
      return d.emails.has(value) || d.domains.some((dom) => value.endsWith(`@${dom}`));
    case 'URL':
      return d.domains.some((dom) => value.includes(dom));
    case 'HANDLE':
      return d.handles.has(value.replace(/^@/, ''));
    case 'STREET_ADDRESS': {
      const key = addressKey(span.text);
      return key !== '' && d.addressKeys.includes(key);
    }
    case 'ZIP_CODE':
      return d.zips.has(span.text.trim());
    case 'PERSON': {
      if (d.knownFullNames.has(value)) return true;
      const tokens = value.split(/[^\p{L}'-]+/u).filter((t) => t.length >= 2);
      return tokens.length > 0 && tokens.every((t) => d.knownNameTokens.has(t.replace(/['’]s$/, '')));
    }
    default:
      return false;
  }
}
