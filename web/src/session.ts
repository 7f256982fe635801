/** Who is signed in, shared by every page; permissions mirror src/domain/roles.ts. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Role, Session } from './types.ts';

export type Permission = 'workspace.manage' | 'members.manage' | 'members.grant_owner' | 'channels.manage' | 'posts.draft' | 'posts.approve' | 'inbox.reply' | 'audit.read';

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ['workspace.manage', 'members.manage', 'members.grant_owner', 'channels.manage', 'posts.draft', 'posts.approve', 'inbox.reply', 'audit.read'],
  admin: ['workspace.manage', 'members.manage', 'channels.manage', 'posts.draft', 'inbox.reply', 'audit.read'],
  editor: ['posts.draft', 'inbox.reply'],
  reviewer: ['posts.approve', 'audit.read'],
  viewer: [],
};

export function can(session: Session, permission: Permission): boolean {
  return GRANTS[session.role].includes(permission);
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in shell');
  return session;
}
