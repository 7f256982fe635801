/** The shapes the API answers with (see /api/openapi.json), as the UI uses them. */

export type Role = 'owner' | 'admin' | 'editor' | 'reviewer' | 'viewer';

export interface Session {
  userId: string;
  email: string;
  displayName: string;
  workspaceId: string;
  role: Role;
  csrfToken?: string;
}

export interface Shift {
  start: string;
  end: string;
}

export interface SlaPolicy {
  firstResponseMinutes: number;
  urgentFirstResponseMinutes?: number;
  possiblyUrgentFirstResponseMinutes?: number;
  businessHours: { zone: string; days: Record<string, Shift[]>; holidays?: string[] };
}

export interface Pillar {
  id: string;
  name: string;
  keywords: string[];
}

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  settings: { approvalRequired: boolean; sla?: SlaPolicy; pillars?: Pillar[]; valueTarget?: { promotionalShare?: number; days?: number } };
}

export interface Channel {
  id: string;
  network: string;
  handle: string;
  displayName: string | null;
  status: string;
  statusReason: string | null;
  primary: boolean;
}

export interface Source {
  id: string;
  kind: 'channel_notifications' | 'query_search' | 'feed' | 'mastodon_hashtag';
  ref: string;
  health: 'ok' | 'unhealthy';
  healthReason: string | null;
  lastRunAt: string | null;
  lastOkAt: string | null;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  joinedAt?: string;
  disabled: boolean;
}

export interface ResponsePlaybook {
  kind: 'emergency' | 'self_harm';
  replyTemplate: string;
  directMessageTemplate: string;
  escalateTo: { name: string; phone?: string; email?: string; role?: string } | null;
  steps: string[];
}

export interface Mention {
  id: string;
  network: string;
  kind: string;
  author: { id: string | null; handle: string; displayName: string | null };
  text: string;
  url: string | null;
  createdAt: string;
  sentiment: string;
  intents: string[];
  urgent: boolean;
  phiTypes: string[];
  analysis: { playbook?: ResponsePlaybook | null } | null;
}

export type InboxStatus = 'new' | 'assigned' | 'replied' | 'moved_offline' | 'hidden' | 'closed';

export interface InboxItem {
  id: string;
  status: InboxStatus;
  urgent: boolean;
  possiblyUrgent: boolean;
  dueAt: string;
  receivedAt: string;
  assigneeId: string | null;
  channelId: string | null;
  firstResponseAt: string | null;
  mention: Mention;
}

export interface Conversation extends InboxItem {
  conversation: Mention[];
  notes: Array<{ id: string; authorId: string | null; body: string; createdAt: string }>;
}

export interface Finding {
  rule: string;
  severity: 'block' | 'warn' | 'info';
  message: string;
  span?: { start: number; end: number };
  network?: string;
  field?: string;
  suggestion?: string;
}

export interface ReplyCheck {
  blocked: boolean;
  findings: Finding[];
  compliantReply: string;
}

export interface PostPart {
  text: string;
  images?: Array<{ mediaId?: string; altText: string }>;
}

export type PostState = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'publishing' | 'published' | 'partially_published' | 'failed' | 'cancelled';

export interface Post {
  id: string;
  authorId: string | null;
  state: PostState;
  parts: PostPart[];
  scheduledAt: string | null;
  revision: number;
  approvedBy: string | null;
  targets: Array<{ id: string; channelId: string; state: string; errorMessage: string | null }>;
  updatedAt: string;
}

export interface ComposerCheck {
  findings: Finding[];
  blocked: boolean;
  linkPreviewUrl?: string;
  perNetwork: Record<string, { length: number; limit: number; remaining: number }>;
}

export interface CalendarDay {
  date: string;
  slots: Array<{ channelId: string; at: string; filledBy?: string }>;
  posts: Array<{ id: string; channelId: string; at: string; state: string; text?: string }>;
}

export type FigureValue = number | string | null;

export interface RuleScore {
  rule: 'listen' | 'quality' | 'focus' | 'consistency' | 'value' | 'acknowledgment' | 'patience';
  score: number | null;
  status: 'ok' | 'not_enough_data';
  missing?: string;
  figures: Record<string, FigureValue>;
  explanation: string;
  nextAction: string;
}

export interface Mastery {
  channelId: string;
  mastered: boolean;
  checks: Array<{ name: 'on_plan_8_weeks' | 'responses_within_target' | 'engaged_audience_not_falling'; passed: boolean; detail: string }>;
  message: string;
}

export interface ScorecardResponse {
  scorecard: { rules: RuleScore[]; overall?: number };
  mastery: Mastery | null;
}

export interface TrendWeek {
  weekStart: string;
  audience: number | null;
  posts: number | null;
  expected: number | null;
  low: number | null;
  high: number | null;
}

export interface Trends {
  zone: string;
  weeks: TrendWeek[];
  audience: { direction: string | null; slopePerWeek: number | null; p: number | null; notEnoughData?: string };
  topPosts: Array<{ id: string; channelId: string; publishedAt: string; text: string; engagements: number; replies: number }>;
}

export interface ResponseFigures {
  total: number;
  needingResponse: number;
  responded: number;
  respondedRate: number | null;
  movedOffline: number;
  open: number;
  breached: number;
  firstResponseMinutes: { business: { median: number | null; p90: number | null }; wallClock: { median: number | null; p90: number | null } };
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, string | number | boolean | null>;
}

export interface TopTerm {
  term: string;
  kind: string;
  count: number;
  examples: string[];
}

export interface EmergingTerm extends TopTerm {
  current: number;
  baselineMean: number;
  score: number;
}

export interface QuestionGroup {
  question: string;
  count: number;
  terms: string[];
  examples: string[];
}

export interface AudienceTopics {
  topTerms: TopTerm[];
  topQuestions: QuestionGroup[];
  emerging: { hour: EmergingTerm[]; day: EmergingTerm[] };
}
