import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Timestamps are ISO-8601 UTC strings on both engines
 * (timestamptz in PostgreSQL, parsed back to the same string form); JSON is stored as text.
 * Booleans are avoided: a nullable timestamp says when a thing became true.
 */
export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  setup_tokens: SetupTokenTable;
  login_throttle: LoginThrottleTable;
  channels: ChannelTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadTable;
  jobs: JobTable;
  job_keys: JobKeyTable;
  posts: PostTable;
  post_targets: PostTargetTable;
  publish_attempts: PublishAttemptTable;
  post_comments: PostCommentTable;
  posting_plans: PostingPlanTable;
  worker_heartbeats: WorkerHeartbeatTable;
  sources: SourceTable;
  mentions: MentionTable;
  inbox_items: InboxItemTable;
  inbox_notes: InboxNoteTable;
  saved_replies: SavedReplyTable;
  listening_queries: ListeningQueryTable;
  query_matches: QueryMatchTable;
  post_metric_snapshots: PostMetricSnapshotTable;
  interactions: InteractionTable;
  weekly_engaged_people: WeeklyEngagedPeopleTable;
  media: MediaTable;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  time_zone: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

/** People are identities that may belong to several workspaces through memberships. */
export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie value: a stolen database holds no usable session. */
  id: string;
  workspace_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface ChannelTable {
  id: string;
  workspace_id: string;
  network: string;
  handle: string;
  display_name: string | null;
  /** AES-256-GCM box (see src/security/secret-box.ts); never returned by the API. */
  credentials_encrypted: string;
  status: string;
  status_reason: string | null;
  /** Publishing failures in a row, and when the run began (0009); a long run pauses the channel. */
  publish_failures: Generated<number>;
  publish_failing_since: string | null;
  primary_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  workspace_id: string;
  seq: number;
  at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_id: string | null;
  after_id: string | null;
  /** JSON of ids and enumerations only: never message text or credentials. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  workspace_id: string;
  seq: number;
  hash: string;
}

/** The embedded engine's job table (PostgreSQL mode uses pg-boss's own schema instead). */
export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  state: string;
  run_at: string;
  attempts: Generated<number>;
  max_attempts: number;
  backoff_ms: number;
  last_error: string | null;
  locked_until: string | null;
  workspace_id: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** Idempotency keys of enqueued jobs, on both engines: a key enqueues at most one job, ever. */
export interface JobKeyTable {
  kind: string;
  key: string;
  job_id: string;
  created_at: string;
}

export interface PostTable {
  id: string;
  workspace_id: string;
  author_id: string | null;
  state: string;
  /** JSON array of PostPart: the first is the post, the rest continue it as a thread. */
  parts: string;
  scheduled_at: string | null;
  /** Bumped by every edit: a publish job for an older revision does nothing. */
  revision: number;
  approved_by: string | null;
  approved_at: string | null;
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface PostTargetTable {
  id: string;
  workspace_id: string;
  post_id: string;
  channel_id: string;
  state: string;
  job_id: string | null;
  /** JSON array of {uri, cid?, url?}, one per published part. */
  remote: string | null;
  published_at: string | null;
  error_code: string | null;
  error_message: string | null;
  updated_at: string;
}

export interface PublishAttemptTable {
  id: string;
  workspace_id: string;
  target_id: string;
  revision: number;
  started_at: string;
  finished_at: string | null;
  /** published | failed | retry | reconciled; null while unknown (the process may have died). */
  outcome: string | null;
  error_code: string | null;
}

export interface PostCommentTable {
  id: string;
  workspace_id: string;
  post_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface PostingPlanTable {
  channel_id: string;
  workspace_id: string;
  plan: string;
  updated_at: string;
}

export interface WorkerHeartbeatTable {
  id: string;
  host: string;
  pid: number;
  started_at: string;
  seen_at: string;
}

export interface SourceTable {
  id: string;
  workspace_id: string;
  /** channel_notifications | query_search | feed */
  kind: string;
  /** the channel id, the listening query id, or the feed URL */
  ref: string;
  cursor: string | null;
  etag: string | null;
  last_modified: string | null;
  /** ok | unhealthy */
  health: string;
  health_reason: string | null;
  last_run_at: string | null;
  last_ok_at: string | null;
  created_at: string;
}

/** Something someone said: a mention, reply, quote, search hit, feed item or imported post. */
export interface MentionTable {
  id: string;
  workspace_id: string;
  source_id: string | null;
  channel_id: string | null;
  network: string;
  /** The network's own id: the deduplication key with network and workspace. */
  external_id: string;
  kind: string;
  author_id: string | null;
  author_handle: string;
  author_name: string | null;
  text: string;
  search_text: string;
  lang: string | null;
  url: string | null;
  remote_uri: string | null;
  remote_cid: string | null;
  in_reply_to: string | null;
  root_uri: string | null;
  root_cid: string | null;
  created_at: string;
  received_at: string;
  sentiment: string;
  /** JSON array of intents */
  intents: string;
  /** 1 for emergency or self-harm */
  urgent: number;
  /** comma-separated PHI types found, '' when none */
  phi_types: string;
  /** JSON: findings, adverse-event elements, playbook */
  analysis: string;
}

export interface InboxItemTable {
  id: string;
  workspace_id: string;
  mention_id: string;
  channel_id: string | null;
  status: string;
  priority: number;
  due_at: string;
  assignee_id: string | null;
  received_at: string;
  first_response_at: string | null;
  first_response_by: string | null;
  reply_uri: string | null;
  updated_at: string;
}

export interface InboxNoteTable {
  id: string;
  workspace_id: string;
  item_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface SavedReplyTable {
  id: string;
  workspace_id: string;
  title: string;
  body: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ListeningQueryTable {
  id: string;
  workspace_id: string;
  name: string;
  query: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QueryMatchTable {
  query_id: string;
  mention_id: string;
  workspace_id: string;
  matched_at: string;
}

export interface PostMetricSnapshotTable {
  id: string;
  workspace_id: string;
  target_id: string;
  channel_id: string;
  fetched_at: string;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  quotes: number | null;
  impressions: number | null;
  unavailable: string | null;
}

export interface InteractionTable {
  id: string;
  workspace_id: string;
  channel_id: string;
  /** the network's id of the notification: deduplicates re-reads */
  external_id: string;
  /** the person's stable id on the network (DID, account id) */
  person_id: string;
  /** like | repost | reply | quote | mention | follow */
  kind: string;
  at: string;
}

/** Unique people (interactions other than follows) per completed scorecard week; see migration 0010-scorecard-weeks-and-questions. */
export interface WeeklyEngagedPeopleTable {
  workspace_id: string;
  /** the week's UTC bounds as the scorecard's weeks give them: [week_from, week_to) */
  week_from: string;
  week_to: string;
  engaged_people: number;
}

export interface MediaTable {
  id: string;
  workspace_id: string;
  mime_type: string;
  size: number;
  data: Buffer;
  created_by: string | null;
  created_at: string;
}
