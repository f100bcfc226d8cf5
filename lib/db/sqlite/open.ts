import "server-only";
import fs from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Backend, Conn, Db, LockedConn, Schema } from "../backend";
import * as auth from "./auth-schema";
import * as tables from "./schema";

/** One process owns an embedded database, so an in-memory queue per key is a lock. */
function keyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const before = tails.get(key) ?? Promise.resolve();
    const mine = before.then(fn, fn);
    const tail = mine.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

/** SQLite in DATA_DIR/keyframe.db: WAL, a busy timeout, migrated from drizzle/sqlite. */
export async function openSqlite(dataDir: string): Promise<Backend> {
  fs.mkdirSync(dataDir, { recursive: true });
  const client = createClient({ url: `file:${path.join(/*turbopackIgnore: true*/ dataDir, "keyframe.db")}` });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA busy_timeout = 5000");
  const schema: Schema = { ...tables, ...auth };
  const db: Db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle", "sqlite") });
  const conn: Conn = {
    db,
    t: schema,
    run: async (query: SQL) => (await db.run(query)).rowsAffected,
    all: <T>(query: SQL) => db.all<T>(query),
  };
  // libsql runs a batch synchronously on its one connection: nothing else interleaves, and it commits or rolls back whole.
  const locked: LockedConn = { ...conn, batch: (queries) => db.batch(queries) };
  const queue = keyedQueue();
  return {
    ...conn,
    kind: "embedded",
    label: "SQLite",
    authProvider: "sqlite",
    exclusive: (key, fn) => queue(key, () => fn(locked)),
    skipLocked: sql``,
    promptMatches: (q) =>
      // The trigram index needs three characters; shorter text is matched by a scan.
      q.length >= 3
        ? sql`${tables.jobs.id} in (select job_id from jobs_fts where jobs_fts match ${`"${q.replaceAll('"', '""')}"`})`
        : containsText(tables.jobs.prompt, q),
    promptContains: (q) =>
      // ASCII only: the range lower() folds.
      /^[\x00-\x7f]*$/.test(q) ? (prompt) => containsText(prompt, q) : null,
    ping: async () => void (await client.execute("select 1")),
    close: async () => client.close(),
  };
}

/** A substring match checked row by row, case-insensitive for ASCII. */
function containsText(text: SQLWrapper, q: string): SQL {
  return sql`instr(lower(${text}), lower(${q})) > 0`;
}
