import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The inbox queue gains a middle rank, "possibly urgent" (1), between urgent (0) and the rest,
  // which move from 1 to 2. Same column, same indexes: the queue still reads in priority order.
  await sql`update inbox_items set priority = 2 where priority = 1`.execute(db);
}
