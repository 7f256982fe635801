/**
 * Where a server refusal shows. The server's 400/409 names the field as a path of the request body
 * (`credentials.appPassword`, `parts.0.images.1.altText`, `slots[0].time`); each form maps those
 * paths to its own field keys here, and a refusal naming none of them shows as the form's message.
 * Pure (no Preact): src/domain/forms/forms.test.ts can check these maps against the real routes.
 */
import type { FieldErrors } from './schemas.ts';

/** From a path of the request body to the form's key, undefined when that field is not on the form. */
export type ToFormField = (field: string) => string | undefined;

/** A path with `[0]` or `.0` alike, as zod names it: `slots[0].time` → `slots.0.time`. */
export function fieldPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * A form's map: `fields` are request paths that are form keys as they are, `renamed` maps a request
 * path to another key. `*` stands for one segment (a list index); a path inside a mapped one lands on
 * it (`channelIds.0` on `channelIds`), and the longest mapped path wins.
 */
export function formFields(fields: readonly string[], renamed: Readonly<Record<string, string>> = {}): ToFormField {
  const mapped = [...fields.map((f) => ({ path: f.split('.'), key: undefined })), ...Object.entries(renamed).map(([f, key]) => ({ path: f.split('.'), key }))];
  return (field) => {
    const path = fieldPath(field).split('.');
    for (let n = path.length; n > 0; n--) {
      const hit = mapped.find((m) => m.path.length === n && m.path.every((s, i) => s === '*' || s === path[i]));
      if (hit) return hit.key ?? path.slice(0, n).join('.');
    }
    return undefined;
  };
}

// Next to its field a message needs neither the route's `json <field>: ` (src/server/errors.ts) nor the `channel <id>: ` naming what it is about.
const VALIDATION_PREFIX = /^(?:json|query|param|header|form|cookie) \S+: /;
const SUBJECT_PREFIX = /^[a-z]+ [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}: /;

/** The server's error as the form's field errors, or undefined when it names no field of this form (show it as a message then). */
export function serverFieldErrors(err: unknown, toFormField: ToFormField): FieldErrors | undefined {
  if (!(err instanceof Error) || !('field' in err) || typeof err.field !== 'string') return undefined;
  const key = toFormField(err.field);
  return key === undefined ? undefined : { [key]: err.message.replace(VALIDATION_PREFIX, '').replace(SUBJECT_PREFIX, '') };
}

export const signInFormField = formFields(['email', 'password']);

/** The setup link's token is not a field the owner can fix: its refusal is the form's message. */
export const setupFormField = formFields(['workspaceName', 'timeZone', 'displayName', 'email', 'password']);

/** Setup's Bluesky connect form; a refusal of the credentials as a whole (the network said no) belongs to the app password. */
export const channelFormField = formFields(['handle'], { credentials: 'appPassword', 'credentials.appPassword': 'appPassword', 'credentials.serviceUrl': 'serviceUrl' });

/** The resume form's one secret, whatever the network calls it (`credentials.appPassword`, `credentials.accessToken`). */
export const resumeFormField = formFields([], { credentials: 'secret' });

/** The plan forms edit one slot, sent as `slots: [{ days, time }]`. */
export const planFormField = formFields([], { 'slots.*.days': 'days', 'slots.*.time': 'time' });

export const listeningQueryFormField = formFields(['name', 'query']);

export const hashtagFormField = formFields(['tag']);

/** The composer: each part's text and each image's description, the channels, the time to schedule at; too many images or parts is the form's message. */
export const composerFormField = formFields(['parts.*.text', 'parts.*.images', 'parts.*.images.*.altText', 'parts.*.images.*.mediaId', 'channelIds', 'localTime']);

export const memberFormField = formFields(['email', 'displayName', 'role', 'password']);

/** `settings.sla.businessHours.days.MO.0.end` → `days.MO.end` (one shift per day on the form). */
export function slaFormField(field: string): string | undefined {
  const path = fieldPath(field);
  if (path === 'timeZone' || path === 'settings.sla.businessHours.zone') return 'timeZone';
  const rest = path.replace(/^settings\.sla\./, '');
  if (rest === 'firstResponseMinutes' || rest === 'urgentFirstResponseMinutes' || rest === 'possiblyUrgentFirstResponseMinutes') return rest;
  const day = /^businessHours\.days\.([A-Z]{2})(?:\.\d+)?(?:\.(start|end))?$/.exec(rest);
  if (day) return `days.${day[1]}.${day[2] ?? 'start'}`;
  if (rest.startsWith('businessHours.days')) return 'days';
  return undefined;
}

/** `settings.pillars.2.keywords.0` → `pillars.2.keywords` (a pillar's id has no field: its name stands for it); the value target by name. */
export function contentFormField(field: string): string | undefined {
  const path = fieldPath(field);
  const pillar = /^settings\.pillars\.(\d+)(?:\.(name|keywords|id))?/.exec(path);
  if (pillar) return `pillars.${pillar[1]}.${pillar[2] === 'keywords' ? 'keywords' : 'name'}`;
  if (path === 'settings.pillars') return 'pillars';
  if (path.startsWith('settings.valueTarget.promotionalShare')) return 'promotionalPercent';
  if (path.startsWith('settings.valueTarget.days')) return 'days';
  return undefined;
}
