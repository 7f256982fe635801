/** Answering the inbox (POST /api/inbox/…, /api/saved-replies). */
import { z } from 'zod';
import { Uuid } from './fields.ts';

export const INBOX_ACTIONS = ['assign', 'move_offline', 'hide', 'close', 'reopen', 'mark_urgent', 'not_urgent'] as const;

export const ReplyRequest = z.object({ text: z.string().trim().min(1, 'Write a reply first').max(5000, 'Keep the reply under 5,000 characters') });
/** The PHI guard checks a draft as it is typed, empty or not. */
export const ReplyCheckRequest = z.object({ text: z.string().max(5000, 'Keep the reply under 5,000 characters') });
export const NoteRequest = z.object({ body: z.string().trim().min(1, 'Write the note first').max(4000, 'Keep the note under 4,000 characters') });

/** Assign, move offline, hide, close, reopen, mark urgent or not urgent, one or many conversations; assigneeId null unassigns. */
export const InboxActionRequest = z.object({
  ids: z.array(Uuid).min(1, 'Pick at least one conversation').max(500, 'At most 500 conversations at once'),
  action: z.enum(INBOX_ACTIONS),
  assigneeId: Uuid.nullable().optional(),
});

export const SavedReplyRequest = z.object({
  title: z.string().trim().min(1, 'Give the saved reply a title').max(120, 'Keep the title under 120 characters'),
  body: z.string().trim().min(1, 'Write the reply').max(2000, 'Keep the reply under 2,000 characters'),
});

export const ReplyForm = ReplyRequest;
export const NoteForm = NoteRequest;
