/** Workspace settings (PATCH /api/workspace): response times, content pillars, the value target. */
import { z } from 'zod';
import { CLOCK, CLOCK_OR_MIDNIGHT, TimeZone, WEEKDAYS } from './fields.ts';
import { webhookUrlProblem } from '../alerts/webhook-url.ts';

const MAX_MINUTES = 100_000;
const clockMinutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
/** False only for two valid times in the wrong order: a malformed time has its own message. */
const endsAfterStart = (start: string, end: string): boolean => !CLOCK.test(start) || !CLOCK_OR_MIDNIGHT.test(end) || clockMinutes(end) > clockMinutes(start);
const minutes = (label: string) =>
  z.number(`Enter ${label} in minutes`).int('Use whole minutes').min(1, `Enter ${label} in minutes (at least 1)`).max(MAX_MINUTES, `At most ${MAX_MINUTES.toLocaleString('en')} minutes`);
const ShiftStart = z.string().regex(CLOCK, 'Enter a time like 09:00');
const ShiftEnd = z.string().regex(CLOCK_OR_MIDNIGHT, 'Enter a time like 17:00');
const END_AFTER_START = 'This closes at or before it starts: close later (cover past midnight as two days, until 24:00 and from 00:00)';

const Shift = z.object({ start: ShiftStart, end: ShiftEnd }).refine((s) => endsAfterStart(s.start, s.end), { message: END_AFTER_START, path: ['end'] });

export const FIRST_RESPONSE_LABEL = 'the first-response target';
export const URGENT_LABEL = 'the urgent target';
export const POSSIBLY_URGENT_LABEL = 'the possibly urgent target';

/** Response-time targets: first response in business minutes, urgent and possibly urgent in wall-clock minutes, business hours. */
export const SlaRequest = z.object({
  firstResponseMinutes: minutes(FIRST_RESPONSE_LABEL),
  urgentFirstResponseMinutes: minutes(URGENT_LABEL).optional(),
  possiblyUrgentFirstResponseMinutes: minutes(POSSIBLY_URGENT_LABEL).optional(),
  businessHours: z.object({
    zone: TimeZone('Choose the time zone'),
    // Every weekday MO…SU, [] for a closed day (the server names a missing or unknown day).
    days: z.record(z.string(), z.array(Shift)),
    holidays: z.array(z.string()).optional(),
  }),
});

export const Pillar = z.object({
  id: z.string().min(1).max(60),
  name: z.string().trim().min(1, 'Name the pillar').max(80, 'Keep the name under 80 characters'),
  keywords: z.array(z.string().trim().min(1, 'A keyword cannot be empty').max(60, 'Keep each keyword under 60 characters')).max(50, 'At most 50 keywords'),
});
export const Pillars = z.array(Pillar).max(5, 'At most five pillars: focus is the point');

export const ValueTarget = z.object({
  promotionalShare: z.number('Enter a share between 0 and 1').min(0, 'Between 0 and 1 (0% to 100%)').max(1, 'Between 0 and 1 (0% to 100%)').optional(),
  days: z.number('Enter a number of days').int('Whole days').min(7, 'At least 7 days').max(365, 'At most 365 days').optional(),
});

export const WorkspacePatchRequest = z
  .object({
    name: z.string().trim().min(1, 'Name the workspace').max(120, 'Keep the name under 120 characters').optional(),
    timeZone: TimeZone('Choose the time zone').optional(),
    settings: z
      .object({
        approvalRequired: z.boolean().optional(),
        profile: z
          .record(z.string(), z.unknown())
          .optional()
          .meta({ description: "The organisation's own details the PHI guard must not flag: name, aliases, handles, addresses, phones, emails, urls, staff, public_figures, on_call" }),
        sla: SlaRequest.optional().meta({ description: 'Response-time targets: first response in business minutes, urgent and possibly urgent in wall-clock minutes (around the clock), business hours' }),
        pillars: Pillars.optional().meta({ description: 'Up to five content pillars (Focus), each with keywords that tag posts automatically' }),
        valueTarget: ValueTarget.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** PUT /api/workspace/alerts, and the alerts form (the same fields). */
export const AlertSettingsRequest = z.object({
  webhookUrl: z
    .string()
    .trim()
    .max(2000, 'Keep the address under 2,000 characters')
    .refine((u) => webhookUrlProblem(u) === null, { error: (issue) => webhookUrlProblem(String(issue.input)) ?? 'Enter the webhook address' })
    .nullable()
    .optional()
    .meta({ description: 'The new address; null turns alerts off; left out, the saved address stays (to change only the scope)' }),
  scope: z.enum(['urgent', 'urgent_and_possible'], 'Choose which conversations raise an alert').optional(),
});

/**
 * The response-times page: one shift per day with an open switch, the numbers as typed. The page
 * turns it into settings.sla (+ timeZone).
 */
export const ResponseTimesForm = z.object({
  timeZone: TimeZone('Choose the time zone'),
  firstResponseMinutes: z.coerce.number(`Enter ${FIRST_RESPONSE_LABEL} in minutes`).pipe(minutes(FIRST_RESPONSE_LABEL)),
  urgentFirstResponseMinutes: z.coerce.number(`Enter ${URGENT_LABEL} in minutes`).pipe(minutes(URGENT_LABEL)),
  possiblyUrgentFirstResponseMinutes: z.coerce.number(`Enter ${POSSIBLY_URGENT_LABEL} in minutes`).pipe(minutes(POSSIBLY_URGENT_LABEL)),
  days: z.record(
    z.enum(WEEKDAYS),
    z
      .object({ open: z.boolean(), start: ShiftStart, end: ShiftEnd })
      // A closed day's times are not sent: only an open day needs them in order.
      .refine((d) => !d.open || endsAfterStart(d.start, d.end), { message: END_AFTER_START, path: ['end'] }),
  ),
});

/** The content page: pillars, and the promotional share as a percentage. */
export const ContentForm = z.object({
  pillars: Pillars,
  promotionalPercent: z.coerce.number('Enter a percentage').min(0, 'Between 0 and 100').max(100, 'Between 0 and 100'),
  days: z.coerce.number('Enter a number of days').pipe(ValueTarget.shape.days.unwrap()),
});
