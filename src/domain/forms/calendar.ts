/** A channel's posting plan (PUT /api/channels/{id}/plan). */
import { z } from 'zod';
import { CLOCK, WEEKDAYS } from './fields.ts';

export const PlanDays = z.array(z.enum(WEEKDAYS, 'Pick days from Monday to Sunday')).min(1, 'Pick at least one day');
export const PlanTime = z.string().regex(CLOCK, 'Enter a time like 10:00');
export const PlanSlot = z.object({ days: PlanDays, time: PlanTime });

/** Weekly slots in the workspace time zone (e.g. Tue/Thu/Sat 10:00) or an RFC 5545 RRULE. */
export const PostingPlanRequest = z.union([
  z.object({ slots: z.array(PlanSlot).min(1, 'Add at least one slot').max(50, 'At most 50 slots') }).strict(),
  z.object({ rrule: z.string().min(5, 'Write the rule, e.g. FREQ=WEEKLY;BYDAY=TU,TH').max(1000) }).strict(),
]);

/** The settings and setup pages edit one weekly slot: days and a time. */
export const PlanForm = PlanSlot;
