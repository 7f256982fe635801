/** Signing in and the first run (POST /api/auth/login, POST /api/setup). */
import { z } from 'zod';
import { CurrentPassword, DisplayName, Email, NewPassword, TimeZone, Uuid } from './fields.ts';

export const SignInRequest = z.object({
  email: Email('Enter the email address you sign in with'),
  password: CurrentPassword,
  workspaceId: Uuid.optional(),
});

export const SetupRequest = z.object({
  token: z.string().min(10, 'This page needs the one-time setup link Bedside printed when it started').max(200),
  workspaceName: z.string().trim().min(1, 'Name the workspace (your hospital or team)').max(120, 'Keep the name under 120 characters'),
  timeZone: TimeZone(),
  email: Email(),
  displayName: DisplayName(),
  password: NewPassword,
});

/** The setup page's fields: the token comes from the link, not from the person. */
export const SetupForm = SetupRequest.omit({ token: true });

export const SignInForm = SignInRequest;
