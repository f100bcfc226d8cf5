import "server-only";
import { env } from "@/lib/env";
import type { Backend } from "./backend";

export type { Backend, Conn, Db } from "./backend";

// Next bundles instrumentation and each route separately; one database per process lives on globalThis.
const store = globalThis as typeof globalThis & { __keyframeDb?: Promise<Backend> };

async function open(): Promise<Backend> {
  const config = env();
  if (config.DATABASE_URL) {
    const { openPg } = await import("./pg/open");
    return openPg(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  }
  const { openSqlite } = await import("./sqlite/open");
  return openSqlite(config.dataDir);
}

/** The database chosen at start-up (DATABASE_URL, else SQLite in DATA_DIR), migrated on first use. */
export function getDb(): Promise<Backend> {
  store.__keyframeDb ??= open().catch((error: unknown) => {
    store.__keyframeDb = undefined;
    throw error;
  });
  return store.__keyframeDb;
}

/** Closes the pool (on shutdown, and between test files). */
export async function closeDb(): Promise<void> {
  const pending = store.__keyframeDb;
  store.__keyframeDb = undefined;
  if (pending) await (await pending.catch(() => null))?.close();
}
