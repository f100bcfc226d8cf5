import "server-only";
import { asc, type SQL } from "drizzle-orm";
import type { Backend, Schema } from "./backend";

/** Tables in an order that satisfies foreign keys (accounts and sessions after users). Counters and pins are not moved. */
const TABLES = [
  "user",
  "account",
  "session",
  "verification",
  "settings",
  "jobs",
  "ledger",
  "idempotencyKeys",
  "apiTokens",
  "hooks",
  "jobGroups",
] as const;
type Moved = (typeof TABLES)[number];
const PAGE = 500;

function orderOf(t: Schema, name: Moved): SQL[] {
  if (name === "settings") return [asc(t.settings.key)];
  if (name === "idempotencyKeys") return [asc(t.idempotencyKeys.userId), asc(t.idempotencyKeys.key)];
  if (name === "ledger") return [asc(t.ledger.jobId)];
  return [asc(t[name].id)];
}

export type TableCount = { table: string; read: number; written: number };

/**
 * Copies every row of one database into another (the embedded SQLite into PostgreSQL), table by table in
 * pages. Rows already there are kept, so the copy can be run again after an interruption.
 */
export async function copyDatabase(from: Backend, to: Backend, progress: (line: string) => void = () => {}): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const name of TABLES) {
    let read = 0;
    let written = 0;
    for (let offset = 0; ; offset += PAGE) {
      const rows = (await from.db
        .select()
        .from(from.t[name])
        .orderBy(...orderOf(from.t, name))
        .limit(PAGE)
        .offset(offset)) as Record<string, unknown>[];
      if (rows.length === 0) break;
      read += rows.length;
      const inserted = await to.db
        .insert(to.t[name])
        .values(rows as never)
        .onConflictDoNothing()
        .returning();
      written += inserted.length;
      progress(`  ${name}: ${read} read`);
    }
    counts.push({ table: name, read, written });
  }
  return counts;
}
