import { z } from 'zod';

/** A person the organisation names publicly: staff, clinicians, spokespeople. */
const namedPerson = z.union([
  z.string().min(1),
  z.looseObject({ name: z.string().min(1), role: z.string().optional() }),
]);

const contact = z.looseObject({
  name: z.string().min(1),
  role: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});

const stringList = z.array(z.string()).default([]);

/**
 * The organisation's own public details. Identifiers that match these are the hospital's own,
 * not a patient's, and the on-call contact receives urgent escalations.
 */
export const orgProfileSchema = z.looseObject({
  name: z.string().min(1),
  aliases: stringList,
  handles: stringList,
  addresses: stringList,
  phones: stringList,
  emails: stringList,
  urls: stringList,
  staff: z.array(namedPerson).default([]),
  public_figures: z.array(namedPerson).default([]),
  facilities: stringList,
  public_events: stringList,
  /** A contact object, or a plain label such as "Patient Relations on-call". */
  on_call: z.union([z.string().min(1), contact]).optional(),
  patient_relations: z
    .looseObject({ phone: z.string().optional(), email: z.string().optional(), url: z.string().optional() })
    .optional(),
});

export type OrgProfileInput = z.input<typeof orgProfileSchema>;
export type OrgProfile = z.output<typeof orgProfileSchema>;

export type ProfileResult = { ok: true; profile: OrgProfile } | { ok: false; code: 'PROFILE_INVALID'; problems: string[] };

/** Validates an already-parsed JSON value; problems name the field, never its value. */
export function parseOrgProfile(value: unknown): ProfileResult {
  const parsed = orgProfileSchema.safeParse(value);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    code: 'PROFILE_INVALID',
    problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`),
  };
}

/** "Dr. Amara Okafor (Cardiology)" → "Amara Okafor": titles and the role in brackets dropped. */
export function personName(p: string | { name: string }): string {
  const raw = typeof p === 'string' ? p : p.name;
  return raw
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Nurse|Governor|Gov|Mayor|Senator|Sen|Rep|Coach|Chief|Judge|Sheriff)\.?\s+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The on-call contact as a structured record, whichever form the profile used. */
export function onCallContact(profile: OrgProfile): { name: string; phone?: string; email?: string; role?: string } | null {
  const c = profile.on_call;
  if (c === undefined) return null;
  if (typeof c === 'string') return { name: c };
  const out: { name: string; phone?: string; email?: string; role?: string } = { name: c.name };
  if (c.phone) out.phone = c.phone;
  if (c.email) out.email = c.email;
  if (c.role) out.role = c.role;
  return out;
}

/** The defaults used when no profile is given: no own details, no on-call person. */
export const EMPTY_PROFILE: OrgProfile = {
  name: 'the hospital',
  aliases: [],
  handles: [],
  addresses: [],
  phones: [],
  emails: [],
  urls: [],
  staff: [],
  public_figures: [],
  facilities: [],
  public_events: [],
};
