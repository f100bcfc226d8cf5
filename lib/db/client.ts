import "server-only";
import fs from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { env } from "@/lib/env";
import * as authSchema from "./auth-schema";
import * as jobSchema from "./schema";

const schema = { ...jobSchema, ...authSchema };

export type Db = LibSQLDatabase<typeof jobSchema & typeof authSchema>;

// Next bundles instrumentation and each route separately; one connection per process lives on globalThis.
const store = globalThis as typeof globalThis & { __keyframeDb?: Promise<Db> };

async function open(): Promise<Db> {
  const { dataDir } = env();
  fs.mkdirSync(dataDir, { recursive: true });
  const client = createClient({ url: `file:${path.join(dataDir, "keyframe.db")}` });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA busy_timeout = 5000");
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: path.join(process.cwd(), "drizzle") });
  return db;
}

/** The database, migrated on first use. */
export function getDb(): Promise<Db> {
  store.__keyframeDb ??= open().catch((error: unknown) => {
    store.__keyframeDb = undefined;
    throw error;
  });
  return store.__keyframeDb;
}
