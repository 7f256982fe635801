import type { AppContext } from './context.ts';
import { findWorkspace } from '../storage/workspaces.ts';
import { EMPTY_PROFILE, parseOrgProfile, type OrgProfile } from '../safety/index.ts';

/**
 * The organisation's own details (name, addresses, phones, staff…) that the PHI guard must not
 * flag, from the workspace settings; cached briefly since every ingested mention needs it.
 */
const cache = new Map<string, { at: number; profile: OrgProfile }>();

export async function workspaceProfile(ctx: AppContext, workspaceId: string): Promise<OrgProfile> {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < 30_000) return hit.profile;
  const ws = await findWorkspace(ctx.storage.db, workspaceId);
  const raw = ws?.settings.profile;
  let profile = EMPTY_PROFILE;
  if (raw) {
    const parsed = parseOrgProfile(raw);
    if (parsed.ok) profile = parsed.profile;
  }
  cache.set(workspaceId, { at: Date.now(), profile });
  return profile;
}

export function forgetWorkspaceProfile(workspaceId: string): void {
  cache.delete(workspaceId);
}
