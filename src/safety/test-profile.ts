import { parseOrgProfile, type OrgProfile } from './profile.ts';

/** A small organisation profile for tests (the eval set's hospital, trimmed). */
export function testProfile(): OrgProfile {
  const parsed = parseOrgProfile({
    name: 'Riverside Regional Medical Center',
    aliases: ['RRMC', 'Riverside Regional'],
    handles: ['@riversideregional'],
    addresses: ['1200 Harbor View Drive, Millbrook, OR 97301'],
    phones: ['(555) 010-2000'],
    emails: ['patientrelations@riversideregional.org'],
    urls: ['riversideregional.org'],
    staff: ['Dr. Amara Okafor (Cardiology)', 'Nurse Priya Raman (Labor & Delivery)'],
    public_figures: ['Mayor Gloria Pettibone'],
    public_events: ['Cancer Survivors Picnic', 'Community Health Fair'],
    on_call: { name: 'Jordan Lee', role: 'Patient Relations on-call', phone: '555-010-2999' },
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.profile;
}
