/**
 * The second pass of `npm test`: the unit and end-to-end suites again on PostgreSQL and an S3-compatible
 * server (s3rver), plus the several-instances checks. It needs a PostgreSQL it may create databases on:
 * TEST_PG_URL, or the PG* variables, or Debian's pg_virtualenv (a throwaway cluster, created here).
 * Without any of them it says so and skips, except under CI, where that is a failure.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

function pgUrl(): string | undefined {
  if (process.env.TEST_PG_URL) return process.env.TEST_PG_URL;
  const { PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE } = process.env;
  if (!PGHOST || !PGUSER) return undefined;
  const auth = PGPASSWORD ? `${encodeURIComponent(PGUSER)}:${encodeURIComponent(PGPASSWORD)}` : encodeURIComponent(PGUSER);
  return `postgres://${auth}@${PGHOST}:${PGPORT ?? 5432}/${PGDATABASE ?? "postgres"}`;
}

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const url = pgUrl();
if (!url) {
  if (!process.env.KEYFRAME_IN_PG_VIRTUALENV && has("pg_virtualenv")) {
    // A throwaway cluster for this run: pg_virtualenv sets PG* and removes the cluster afterwards.
    const result = spawnSync("pg_virtualenv", [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      stdio: "inherit",
      env: { ...process.env, KEYFRAME_IN_PG_VIRTUALENV: "1" },
    });
    process.exit(result.status ?? 1);
  }
  const message = "No PostgreSQL for the server-backends pass: set TEST_PG_URL, or install postgresql (pg_virtualenv).";
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`${message} Skipped.`);
  process.exit(0);
}

const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-s3-"));
const s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3Dir });
const { port } = (await s3.run()) as { port: number };
const env = { ...process.env, TEST_PG_URL: url, TEST_S3_ENDPOINT: `http://127.0.0.1:${port}` };
try {
  console.log(`Server backends: PostgreSQL at ${new URL(url).host}, s3rver at ${env.TEST_S3_ENDPOINT}`);
  run("node_modules/.bin/vitest", ["run"], env);
  run("node_modules/.bin/playwright", ["test"], env);
} finally {
  await s3.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
}
