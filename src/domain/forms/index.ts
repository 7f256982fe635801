/**
 * The request schemas of every form the web sends, with the messages a person sees: the server's
 * routes validate request bodies with them and the web checks the same before sending, so an error
 * shows next to its field at once and the server's 400 names the same field. Pure zod; no server or
 * web imports (web/src/schemas.ts re-exports these). Routes name one for the OpenAPI document with
 * zod's own .meta({ id }): .openapi() exists only on schemas built after @hono/zod-openapi loaded.
 */
export { WEEKDAYS } from './fields.ts';
export { ROLES } from '../roles.ts';
export { SignInRequest, SetupRequest, SignInForm, SetupForm } from './auth.ts';
export { ConnectChannelRequest, ResumeChannelRequest, ChannelForm, ResumeForm } from './channels.ts';
export {
  MAX_IMAGES_PER_PART,
  PostPart,
  CreatePostRequest,
  EditPostRequest,
  ComposerCheckRequest,
  ScheduleRequest,
  CommentRequest,
  ApproveRequest,
  RetryRequest,
  PostForm,
  LocalTimeForm,
} from './posts.ts';
export { INBOX_ACTIONS, ReplyRequest, ReplyCheckRequest, NoteRequest, InboxActionRequest, SavedReplyRequest, ReplyForm, NoteForm } from './inbox.ts';
export { ListeningQueryRequest, ValidateQueryRequest, HashtagRequest, FeedRequest, ListeningQueryForm, HashtagForm, FeedForm } from './listening.ts';
export { PlanSlot, PostingPlanRequest, PlanForm } from './calendar.ts';
export { AddMemberRequest, ChangeRoleRequest, MemberForm } from './members.ts';
export { SlaRequest, Pillars, ValueTarget, WorkspacePatchRequest, ResponseTimesForm, ContentForm, AlertSettingsRequest } from './workspace.ts';
