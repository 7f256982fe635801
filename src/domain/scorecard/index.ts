/**
 * The seven-rules scorecard (Listen, Quality, Focus, Consistency, Value, Acknowledgment, Patience):
 * the metrics behind it, content pillars and the value mix, long-horizon trends told apart from
 * noise, and the "start small" mastery check. Pure functions; time is passed in.
 */
export { ScorecardError, type ScorecardErrorCode } from './scorecard-error.ts';
export {
  VALUE_TYPES,
  isUnavailable,
  type ChannelOutage,
  type AudienceWindow,
  type InboxSummary,
  type Interaction,
  type InteractionKind,
  type ListeningSummary,
  type Pillar,
  type PostInstant,
  type PostMetrics,
  type PublishedPost,
  type ScheduledPost,
  type ScorecardChannel,
  type ScorecardInput,
  type Unavailable,
  type ValueTarget,
  type ValueType,
  type WeeklyAudience,
} from './types.ts';
export {
  DEFAULT_PROMOTIONAL_TARGET,
  DEFAULT_VALUE_WINDOW_DAYS,
  classifyValueType,
  valueMix,
  valueTypeOf,
  wouldExceedPromotionalTarget,
  type ValueClassification,
  type ValueMix,
  type ValueMixFinding,
} from './value-type.ts';
export {
  audienceTopicsVsPillars,
  pillarShare,
  suggestPillars,
  type AudienceTopics,
  type PillarShare,
  type PillarSuggestion,
} from './pillars.ts';
export {
  conversationDepth,
  engagementRate,
  engagementSummary,
  type ConversationDepth,
  type EngagementDenominator,
  type EngagementRate,
  type EngagementSummary,
} from './engagement.ts';
export {
  DEFAULT_AUDIENCE_DAYS,
  DEFAULT_LOYAL_MIN_INTERACTIONS,
  audienceCounts,
  engagedAudience,
  loyalCore,
  weeklyEngagedAudience,
  type AudienceCounts,
} from './audience.ts';
export { responseWithinTarget, type ResponseWithinTarget } from './response.ts';
export { DEFAULT_CADENCE_WEEKS, cadenceVsPlan, type CadenceOptions, type CadenceVsPlan, type CadenceWeek } from './cadence.ts';
export {
  MIN_TREND_POINTS,
  NOISE_BAND_SIGMAS,
  TREND_ALPHA,
  mannKendall,
  theilSenSlope,
  trend,
  type MannKendall,
  type Trend,
  type TrendDirection,
  type TrendGranularity,
  type TrendPoint,
} from './trend.ts';
export { RULES, type FigureValue, type RuleName, type RuleScore } from './rules/rule-score.ts';
export { OVERALL_MIN_RULES, scorecard, scorecardWithMastery, type Scorecard } from './scorecard.ts';
export { MAX_HISTORY_WEEKS, POST_DETAIL_DAYS, postDetailDays, scorecardWeeks } from './history.ts';
export { QUALITY_AUDIENCE } from './rules/quality.ts';
export { weeklyTrends, type TopPost, type TrendWeek, type WeeklyTrends } from './weekly-trends.ts';
export { MASTERY_RESPONSE_RATE, MASTERY_STREAK_WEEKS, masteryCheck, type Mastery, type MasteryCheck, type MasteryCheckName } from './mastery.ts';
