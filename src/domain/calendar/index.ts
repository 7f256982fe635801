/** Posting plan and calendar (rule "Consistency"): cadence, calendar view, queue, gaps. */
export { CalendarError, type CalendarErrorCode } from './calendar-error.ts';
export {
  resolveLocalTime,
  validateScheduleTime,
  formatLocal,
  localDate,
  isValidZone,
  type FieldContext,
  type LocalTimeErrorCode,
  type LocalTimeResult,
  type ScheduleTimeOptions,
  type ScheduleTimeResult,
} from './local-time.ts';
export {
  WEEKDAYS,
  describePlan,
  isRulePlan,
  plannedSlots,
  validatePostingPlan,
  type PlanFinding,
  type PlanFindingCode,
  type PostingPlan,
  type RulePostingPlan,
  type Weekday,
  type WeeklyPostingPlan,
  type WeeklySlot,
} from './posting-plan.ts';
export {
  DEFAULT_SLOT_TOLERANCE_MINUTES,
  PUBLISHED_STATES,
  SLOT_HOLDING_STATES,
  type CalendarPost,
} from './slot-filling.ts';
export { buildCalendar, type CalendarDay, type CalendarInput, type CalendarSlot } from './calendar.ts';
export { nextFreeSlot, type NextFreeSlotOptions } from './queue.ts';
export { detectGaps, type GapInput, type GapReport } from './gaps.ts';
