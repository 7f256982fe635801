import type { ColumnDataType } from 'kysely';
import type { EngineName } from '../engine.ts';

/** The few column types whose best form differs between the engines. */
export function columnTypes(engine: EngineName): { timestamp: ColumnDataType; bigint: ColumnDataType; binary: ColumnDataType } {
  return engine === 'postgres'
    ? { timestamp: 'timestamptz', bigint: 'bigint', binary: 'bytea' }
    : { timestamp: 'text', bigint: 'integer', binary: 'blob' };
}
