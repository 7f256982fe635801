import type { Actor } from '../operations/context.ts';
import { secretHash } from '../security/tokens.ts';

/** How long a verified API token is trusted without asking the database again. */
export const VERIFIED_TOKEN_TTL_MS = 2000;
const MAX_ENTRIES = 1000;

/**
 * API tokens this process verified in the last two seconds, so a script (or a load test) sending
 * many requests with one token costs one lookup, not one per request.
 *
 * Staleness is bounded both ways: this process forgets every entry as soon as it handles any
 * request that may change who may do what (every method but GET/HEAD/OPTIONS: revoking a token,
 * changing a role, removing a member), so such a change made here takes effect on the next
 * request; a change made by another process (the CLI, a second web process) takes effect within
 * VERIFIED_TOKEN_TTL_MS. Only tokens that verified are kept: an unknown token is always looked up.
 */
export class VerifiedTokens {
  readonly #entries = new Map<string, { actor: Actor; until: number }>();
  /** Bumped by forgetAll: a lookup that started before a change must not store its answer after it. */
  #generation = 0;

  constructor(
    private readonly ttlMs = VERIFIED_TOKEN_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async actorFor(token: string, lookup: (token: string) => Promise<Actor | undefined>): Promise<Actor | undefined> {
    const key = secretHash(token);
    const cached = this.#entries.get(key);
    if (cached && cached.until > this.now()) return cached.actor;
    if (cached) this.#entries.delete(key);
    const generation = this.#generation;
    const actor = await lookup(token);
    if (actor && generation === this.#generation) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
      // Shared by every request with this token until it expires here: nobody may change it.
      this.#entries.set(key, { actor: Object.freeze(actor), until: this.now() + this.ttlMs });
    }
    return actor;
  }

  forgetAll(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
