import "server-only";
import path from "node:path";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { Backend, Batch, Conn, Db, Schema } from "../backend";
import * as auth from "./auth-schema";
import * as tables from "./schema";

type PgSchema = typeof tables & typeof auth;

// bigint columns are declared with mode "number"; aggregates over them (sum, count) arrive as text.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Any fixed number: instances starting together migrate one at a time. */
const MIGRATION_LOCK = 7_312_025;

function connOf(db: NodePgDatabase<PgSchema>): Conn {
  return {
    // Same tables, columns and row shapes as the SQLite schema (see ../schema.ts): queries are written once.
    db: db as unknown as Db,
    t: { ...tables, ...auth } as unknown as Schema,
    run: async (query: SQL) => (await db.execute(query)).rowCount ?? 0,
    all: async <T>(query: SQL) => (await db.execute(query)).rows as T[],
  };
}

/** Inside `exclusive`'s transaction, statements in a row are already all or none. */
async function inOrder<T extends Batch>(queries: T): Promise<BatchResponse<T>> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await (query as unknown as PromiseLike<unknown>));
  return results as BatchResponse<T>;
}

async function migrateOnce(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), "drizzle", "pg") });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** PostgreSQL 13+ at DATABASE_URL, migrated from drizzle/pg at start-up. */
export async function openPg(url: string, poolSize: number): Promise<Backend> {
  await migrateOnce(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  pool.on("error", (error) => console.error("[db] idle PostgreSQL connection failed:", error.message));
  const db = drizzle(pool, { schema: { ...tables, ...auth } });
  return {
    ...connOf(db),
    kind: "server",
    label: "PostgreSQL",
    authProvider: "pg",
    exclusive: (key, fn) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
        return fn({ ...connOf(tx as unknown as NodePgDatabase<PgSchema>), batch: inOrder });
      }),
    skipLocked: sql` for update skip locked`,
    // ILIKE either way: the trigram index only speeds it up, so both give the same answer.
    promptMatches: (q) => ilikeText(tables.jobs.prompt, q),
    promptContains: (q) => (prompt) => ilikeText(prompt, q),
    ping: async () => void (await pool.query("select 1")),
    close: () => pool.end(),
  };
}

/** A case-insensitive substring match: `%q%`, with LIKE's own wildcards in q taken literally. */
function ilikeText(text: SQLWrapper, q: string): SQL {
  return sql`${text} ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
}
