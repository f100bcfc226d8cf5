import type { SQL, SQLWrapper } from "drizzle-orm";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type * as sqliteAuth from "./sqlite/auth-schema";
import type * as sqlite from "./sqlite/schema";

export type Schema = typeof sqlite & typeof sqliteAuth;

/**
 * The query builder every query in lib/db/queries is written against once. The PostgreSQL backend hands
 * its own builder and tables behind this type: both schemas have the same tables, columns and row types
 * (checked in ./schema.ts), and the builder calls used are the same in both dialects.
 */
export type Db = LibSQLDatabase<Schema>;

/** A connection (or a transaction) and the few raw-SQL helpers whose drivers differ. */
export type Conn = {
  db: Db;
  t: Schema;
  /** Runs a statement; answers how many rows it changed. */
  run(query: SQL): Promise<number>;
  /** Runs a query; answers its rows with the column names as written in the SQL. */
  all<T>(query: SQL): Promise<T[]>;
};

/** Statements built on one Conn's `db`, run together (typed as SQLite's, as `Db` is: see there). */
export type Batch = readonly [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

/** The Conn `exclusive` hands its callback. */
export type LockedConn = Conn & {
  /**
   * Runs the statements in order, all or none, each answering as it would alone: one SQLite transaction;
   * on PostgreSQL, within the transaction `exclusive` already holds.
   */
  batch<T extends Batch>(queries: T): Promise<BatchResponse<T>>;
};

export type Backend = Conn & {
  kind: "embedded" | "server";
  /** For health and logs. */
  label: "SQLite" | "PostgreSQL";
  /** What better-auth's Drizzle adapter calls this database. */
  authProvider: "sqlite" | "pg";
  /**
   * Runs `fn` so that no other holder of `key` runs at the same time, on any instance: PostgreSQL takes a
   * transaction-scoped advisory lock (fn must use the Conn it is given), SQLite (one process) queues in memory.
   */
  exclusive<T>(key: string, fn: (conn: LockedConn) => Promise<T>): Promise<T>;
  /** Appended to a claiming subquery: rows another instance is claiming are skipped, not waited for. */
  skipLocked: SQL;
  /** A case-insensitive substring match on jobs.prompt that uses the search index. */
  promptMatches(q: string): SQL;
  /**
   * The same match checked row by row (no index), for the newest rows only; null where it could disagree
   * with `promptMatches` (SQLite's lower() folds ASCII only, its trigram index all of Unicode).
   */
  promptContains(q: string): ((prompt: SQLWrapper) => SQL) | null;
  ping(): Promise<void>;
  close(): Promise<void>;
};
