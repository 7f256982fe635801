import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, actorOf } from '../route.ts';
import { addMember, changeMemberRole, members, removeMember } from '../../operations/accounts.ts';
import { ROLES } from '../../domain/roles.ts';
import { AddMemberRequest, ChangeRoleRequest } from '../../domain/forms/index.ts';

const MemberSchema = z
  .object({ userId: z.string(), email: z.string(), displayName: z.string(), role: z.enum(ROLES), joinedAt: z.string(), disabled: z.boolean() })
  .openapi('Member');

const UserIdParam = z.object({ userId: z.string().uuid().openapi({ param: { name: 'userId', in: 'path' } }) });

export function registerMembers(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/members',
      summary: 'The team: every member and their role',
      responses: { 200: { description: 'Members', content: { 'application/json': { schema: z.object({ members: z.array(MemberSchema) }) } } }, ...errorResponses },
    }),
    async (c) => c.json({ members: await members(ctx, actorOf(c)) }, 200),
  );

  app.openapi(
    defineRoute(table, 'members.manage', {
      method: 'post',
      path: '/api/members',
      summary: 'Add a person to the workspace with a role (a new user needs a password)',
      request: {
        body: { content: { 'application/json': { schema: AddMemberRequest } }, required: true },
      },
      responses: { 201: { description: 'Added', content: { 'application/json': { schema: MemberSchema } } }, ...errorResponses },
    }),
    async (c) => c.json(await addMember(ctx, actorOf(c), c.req.valid('json')), 201),
  );

  app.openapi(
    defineRoute(table, 'members.manage', {
      method: 'patch',
      path: '/api/members/{userId}',
      summary: "Change a member's role (granting or taking owner needs an owner)",
      request: { params: UserIdParam, body: { content: { 'application/json': { schema: ChangeRoleRequest } }, required: true } },
      responses: { 200: { description: 'Changed', content: { 'application/json': { schema: MemberSchema } } }, ...errorResponses },
    }),
    async (c) => c.json(await changeMemberRole(ctx, actorOf(c), c.req.valid('param').userId, c.req.valid('json').role), 200),
  );

  app.openapi(
    defineRoute(table, 'members.manage', {
      method: 'delete',
      path: '/api/members/{userId}',
      summary: 'Remove a member (their sessions end at once)',
      request: { params: UserIdParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    }),
    async (c) => {
      await removeMember(ctx, actorOf(c), c.req.valid('param').userId);
      return c.body(null, 204);
    },
  );
}
