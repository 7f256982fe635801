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

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  settings: { approvalRequired: boolean };
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

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
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
