import type { OrgProfile } from './profile.ts';

/** The compliant reply offered instead of a draft that would disclose PHI. */
export function privacyRewrite(profile: OrgProfile): string {
  let text = rewrites.get(profile);
  if (text === undefined) {
    text = rewriteFor(profile);
    rewrites.set(profile, text);
  }
  return text;
}

// The text depends on the profile only, and the PHI guard asks for it on every message.
const rewrites = new WeakMap<OrgProfile, string>();

function rewriteFor(profile: OrgProfile): string {
  const pr = profile.patient_relations;
  const channel =
    pr?.phone ?? pr?.email ?? patientRelationsEmail(profile) ?? profile.phones[0] ?? profile.emails[0] ?? 'our main number';
  return `Thank you for reaching out. To protect your privacy we can't discuss anyone's care here. Please contact our patient relations team at ${channel} so we can help directly.`;
}

function patientRelationsEmail(profile: OrgProfile): string | undefined {
  return profile.emails.find((e) => /patient|relations|experience/i.test(e));
}
