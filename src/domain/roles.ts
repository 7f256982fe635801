/**
 * Who may do what in a workspace. Roles are not a ladder: a reviewer (the compliance role)
 * approves but does not draft; an editor drafts and replies but does not approve.
 */
export const ROLES = ['owner', 'admin', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'workspace.read',
  'workspace.manage', // settings, SLAs, pillars, posting plan
  'members.manage',
  'members.grant_owner',
  'channels.manage',
  'posts.draft',
  'posts.approve',
  'posts.comment',
  'inbox.reply',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: ['workspace.read', 'workspace.manage', 'members.manage', 'channels.manage', 'posts.draft', 'posts.comment', 'inbox.reply', 'audit.read'],
  editor: ['workspace.read', 'posts.draft', 'posts.comment', 'inbox.reply'],
  reviewer: ['workspace.read', 'posts.approve', 'posts.comment', 'audit.read'],
  viewer: ['workspace.read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => can(r, permission));
}
