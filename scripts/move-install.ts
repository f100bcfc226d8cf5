/**
 * Moves an embedded install (SQLite and media in DATA_DIR) to PostgreSQL and S3-compatible storage:
 *
 *   DATABASE_URL=postgres://… S3_BUCKET=… S3_ENDPOINT=… npm run move-install -- [--data-dir ./data]
 *
 * Copies every account, session, job, ledger row, setting and idempotency key into DATABASE_URL (migrated
 * first), and every stored file into the bucket when S3_BUCKET is set; then says what it copied. Rows and
 * files already there are kept, so it can be run again. Stop Keyframe on the old DATA_DIR first.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { copyDatabase } from "@/lib/db/move";
import { openPg } from "@/lib/db/pg/open";
import { settingOnceIn } from "@/lib/db/queries/settings";
import { openSqlite } from "@/lib/db/sqlite/open";
import { env } from "@/lib/env";
import { LocalStore } from "@/lib/storage/local";
import { copyObjects } from "@/lib/storage/move";
import { getStore } from "@/lib/storage/store";

const { values } = parseArgs({ options: { "data-dir": { type: "string" } } });
const config = env();
const dataDir = path.resolve(values["data-dir"] ?? config.dataDir);
if (!config.DATABASE_URL) {
  console.error("Set DATABASE_URL (and S3_BUCKET with its settings) to where the install should move.");
  process.exit(2);
}
if (!fs.existsSync(path.join(dataDir, "keyframe.db"))) {
  console.error(`No Keyframe database in ${dataDir} (expected keyframe.db there).`);
  process.exit(2);
}

const started = Date.now();
console.log(
  `Moving ${dataDir} to PostgreSQL at ${new URL(config.DATABASE_URL).host}${config.S3_BUCKET ? ` and the bucket ${config.S3_BUCKET}` : ""}…`,
);
const from = await openSqlite(dataDir);
const to = await openPg(config.DATABASE_URL, 4);
const tables = await copyDatabase(from, to, (line) => process.stdout.write(`\r${line}   `));
process.stdout.write("\r");

// Sessions stay valid: the secret that signed them moves too (unless AUTH_SECRET is set).
const secretFile = path.join(dataDir, "auth-secret");
if (!config.AUTH_SECRET && fs.existsSync(secretFile)) await settingOnceIn(to, "auth_secret", fs.readFileSync(secretFile, "utf8").trim());

console.log("\nDatabase            rows read   rows written");
for (const t of tables) console.log(`  ${t.table.padEnd(18)}${String(t.read).padStart(9)}${String(t.written).padStart(15)}`);

if (config.S3_BUCKET) {
  const bucket = await getStore();
  await bucket.check();
  const folders = await copyObjects(new LocalStore(dataDir), bucket, (line) => process.stdout.write(`\r${line}   `));
  process.stdout.write("\r");
  console.log("\nFiles               found      copied        MB");
  for (const f of folders)
    console.log(
      `  ${f.folder.padEnd(18)}${String(f.found).padStart(5)}${String(f.copied).padStart(12)}${(f.bytes / 1e6).toFixed(1).padStart(10)}`,
    );
} else {
  console.log(`\nS3_BUCKET is not set: files stay in ${path.join(dataDir, "media")}.`);
}
await Promise.all([from.close(), to.close()]);
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Start Keyframe with the same DATABASE_URL and S3 settings.`);
