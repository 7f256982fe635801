/**
 * The inbox: first-response targets on the workspace's business clock, the queue order
 * (urgent first) and response metrics over every conversation of a period.
 */
export { InboxError, type InboxErrorCode, type InboxIssue } from './inbox-error.ts';
export {
  WEEKDAYS,
  addBusinessMinutes,
  alwaysOpen,
  businessMinutesBetween,
  isWithinBusinessHours,
  nextOpening,
  officeHours,
  validateBusinessHours,
  type BusinessHours,
  type BusinessSchedule,
  type BusinessShift,
  type Weekday,
} from './business-hours.ts';
export {
  DEFAULT_URGENT_FIRST_RESPONSE_MINUTES,
  DUE_SOON_SHARE,
  compileSlaPolicy,
  dueAt,
  slaState,
  validateSlaPolicy,
  type CompiledSlaPolicy,
  type SlaItem,
  type SlaPolicy,
  type SlaState,
  type SlaTrackedItem,
} from './sla.ts';
export { INBOX_ORDER_DESCRIPTION, compareInboxItems, inboxPriority, sortInbox, type QueuedInboxItem } from './ordering.ts';
export {
  RESPONSE_METRIC_DEFINITIONS,
  RESPONSE_METRIC_GLOSSARY,
  percentile,
  responseMetrics,
  type ConversationResolution,
  type MinuteStats,
  type ResponseConversation,
  type ResponseFigures,
  type ResponseMetrics,
  type ResponseMetricsInput,
} from './response-metrics.ts';
