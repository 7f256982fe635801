import type { Kysely } from 'kysely';
import type { EngineName } from '../engine.ts';
import { columnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, engine: EngineName): Promise<void> {
  const t = columnTypes(engine);

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('author_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    // JSON: [{text, images: [{mediaId?, altText}]}] — one entry per part of a thread
    .addColumn('parts', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', t.timestamp)
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', t.timestamp)
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('posts_workspace_idempotency', ['workspace_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('posts_workspace_scheduled').on('posts').columns(['workspace_id', 'scheduled_at']).execute();
  await db.schema.createIndex('posts_workspace_state').on('posts').columns(['workspace_id', 'state', 'updated_at']).execute();

  await db.schema
    .createTable('post_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text')
    // JSON: [{uri, cid, url}] per published part
    .addColumn('remote', 'text')
    .addColumn('published_at', t.timestamp)
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('post_targets_post_channel', ['post_id', 'channel_id'])
    .execute();
  await db.schema.createIndex('post_targets_state').on('post_targets').columns(['workspace_id', 'state']).execute();

  // Written before every network call: what was attempted, and what came of it (null = unknown).
  await db.schema
    .createTable('publish_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull().references('post_targets.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .addColumn('outcome', 'text')
    .addColumn('error_code', 'text')
    .execute();
  await db.schema.createIndex('publish_attempts_target').on('publish_attempts').column('target_id').execute();

  await db.schema
    .createTable('post_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_comments_post').on('post_comments').columns(['post_id', 'created_at']).execute();
}
