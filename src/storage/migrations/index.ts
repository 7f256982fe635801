import type { Kysely, Migration } from 'kysely';
import type { EngineName } from '../engine.ts';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-publishing.ts';
import * as m0003 from './0003-plans-and-workers.ts';
import * as m0004 from './0004-listening-inbox.ts';
import * as m0005 from './0005-metrics.ts';
import * as m0006 from './0006-media.ts';
import * as m0007 from './0007-scorecard-indexes.ts';
import * as m0008 from './0008-query-match-indexes.ts';
import * as m0009 from './0009-channel-publish-failures.ts';
import * as m0010 from './0010-scorecard-weeks-and-questions.ts';
import * as m0011 from './0011-possibly-urgent-lane.ts';
import * as m0012 from './0012-inbox-status-index-settled-only.ts';

interface EngineMigration {
  up(db: Kysely<unknown>, engine: EngineName): Promise<void>;
}

/** Every migration, in order. Forward-only: a released migration is never edited, only followed. */
const ALL: Record<string, EngineMigration> = {
  '0001-foundation': m0001,
  '0002-publishing': m0002,
  '0003-plans-and-workers': m0003,
  '0004-listening-inbox': m0004,
  '0005-metrics': m0005,
  '0006-media': m0006,
  '0007-scorecard-indexes': m0007,
  '0008-query-match-indexes': m0008,
  '0009-channel-publish-failures': m0009,
  '0010-scorecard-weeks-and-questions': m0010,
  '0011-possibly-urgent-lane': m0011,
  '0012-inbox-status-index-settled-only': m0012,
};

export function migrationsFor(engine: EngineName): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(ALL).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, engine) }]),
  );
}

export const KNOWN_MIGRATIONS = Object.keys(ALL);
