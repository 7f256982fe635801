/** The team (POST /api/members, PATCH /api/members/{userId}). */
import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { DisplayName, Email, NewPassword } from './fields.ts';

const Role = z.enum(ROLES, 'Pick a role');

/** A new person needs a password; someone who already has an account does not. */
export const AddMemberRequest = z.object({
  email: Email('Enter the person’s email address'),
  displayName: DisplayName('Enter their name'),
  role: Role,
  password: NewPassword.optional(),
});

export const ChangeRoleRequest = z.object({ role: Role });

/** The form's empty password field means "no password": the page leaves it out of the request. */
export const MemberForm = AddMemberRequest.extend({ password: z.union([z.literal(''), NewPassword]) });
