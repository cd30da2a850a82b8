import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The parameters of one hand-written SQL statement, numbered as PostgreSQL wants them ($1, $2...).
 * Values are always bound, never spliced into the text.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Binds `value` and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Binds each value: "$3, $4, $5" (for `IN (...)`; keeps one equality per value for the planner). */
  list(values: readonly unknown[]): string {
    if (values.length === 0) throw new Error('SqlParams.list of no values');
    return values.map((value) => this.add(value)).join(', ');
  }

  /**
   * SQL written with `:name` placeholders (as for TypeORM's query builder), bound here: each name is
   * bound once however often it appears. `::type` casts are left alone; an unknown name throws.
   */
  named(sql: string, params: Readonly<Record<string, unknown>>): string {
    const bound = new Map<string, string>();
    return sql.replace(
      /(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)/g,
      (_match, name: string) => {
        if (!Object.prototype.hasOwnProperty.call(params, name))
          throw new Error(`SqlParams.named: no value for :${name}`);
        let placeholder = bound.get(name);
        if (!placeholder) {
          placeholder = this.add(params[name]);
          bound.set(name, placeholder);
        }
        return placeholder;
      },
    );
  }
}

/** An instant as `Date.prototype.toISOString` writes it (UTC, milliseconds truncated like a JS Date). */
export function isoInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A date column as a 'YYYY-MM-DD' calendar string, whatever the session's DateStyle. */
export function calendarDateSql(column: string): string {
  return `to_char(${column}, 'YYYY-MM-DD')`;
}

/**
 * Runs a statement of fixed text as a named prepared statement on TypeORM's own pg pool: each pooled
 * connection parses and plans it once, then reuses the plan. Only for statements whose best plan does
 * not depend on the values (look-ups by primary key scoped by employer): a plan kept for the employer
 * with 80 dossiers would be wrong for the one with 200,000 when the values steer the plan.
 */
export async function queryPrepared<T = Record<string, unknown>>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
