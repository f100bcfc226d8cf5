/**
 * The second pass of `npm test`: the unit and end-to-end suites again on PostgreSQL and an S3-compatible
 * server (s3rver), plus the several-instances checks. It needs a PostgreSQL it may create databases on:
 * TEST_PG_URL, or the PG* variables, or Debian's pg_virtualenv (a throwaway cluster, created here).
 * Without any of them it says so and skips, except under CI, where that is a failure. It runs on the Node the
 * container runs (24, see scripts/container-node.ts); the first pass stays on the machine's.
 * With TEST_PG_URL and TEST_S3_ENDPOINT set, vitest.config.ts and playwright.config.ts leave out the test files
 * marked `// backend-free:` (lib/test/backend-free.ts; TEST_EVERY_FILE=1 runs them too).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { containerNode } from "./container-node";
import { hasPgVirtualenv, rerunInPgVirtualenv } from "./pg-virtualenv";

function pgUrl(): string | undefined {
  if (process.env.TEST_PG_URL) return process.env.TEST_PG_URL;
  const { PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE } = process.env;
  if (!PGHOST || !PGUSER) return undefined;
  const auth = PGPASSWORD ? `${encodeURIComponent(PGUSER)}:${encodeURIComponent(PGPASSWORD)}` : encodeURIComponent(PGUSER);
  return `postgres://${auth}@${PGHOST}:${PGPORT ?? 5432}/${PGDATABASE ?? "postgres"}`;
}

/** Runs a command to the end without blocking this process, which serves the S3 API meanwhile. */
async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const child = spawn(command, args, { stdio: "inherit", env });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${command} failed (exit ${code})`);
}

const url = pgUrl();
if (!url) {
  // A throwaway cluster for this run: pg_virtualenv sets PG* and removes the cluster afterwards.
  if (!process.env.KEYFRAME_IN_PG_VIRTUALENV && hasPgVirtualenv()) await rerunInPgVirtualenv("KEYFRAME_IN_PG_VIRTUALENV");
  const message = "No PostgreSQL for the server-backends pass: set TEST_PG_URL, or install postgresql (pg_virtualenv).";
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`${message} Skipped.`);
  process.exit(0);
}

// Node 24 first on PATH for everything this pass starts: vitest, Playwright and the servers they start.
const node = await containerNode();
if (!node) {
  const message = `No Node 24 package for ${process.platform}-${process.arch}: the server-backends pass runs on this machine's Node ${process.version}.`;
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(message);
}
const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-s3-"));
const s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3Dir });
const { port } = (await s3.run()) as { port: number };
const env = {
  ...process.env,
  TEST_PG_URL: url,
  TEST_S3_ENDPOINT: `http://127.0.0.1:${port}`,
  ...(node ? { PATH: `${path.dirname(node.path)}${path.delimiter}${process.env.PATH ?? ""}` } : {}),
};
try {
  const version = node ? `Node ${node.version} (the container's)` : `this machine's Node ${process.version}`;
  console.log(`Server backends on ${version}: PostgreSQL at ${new URL(url).host}, s3rver at ${env.TEST_S3_ENDPOINT}`);
  // `-- e2e [playwright args]` or `-- unit [vitest args]` runs one of the two (for development).
  const [only, ...rest] = process.argv.slice(2);
  // A file named there runs even if it is marked backend-free (the whole pass leaves those out).
  const named = rest.some((arg) => /\.ts$|\//.test(arg)) ? { TEST_EVERY_FILE: "1" } : {};
  if (only !== "e2e") await run("node_modules/.bin/vitest", ["run", ...(only === "unit" ? rest : [])], { ...env, ...named });
  // This pass runs the standalone folder the container runs (needs `npm run build` first).
  if (only !== "unit")
    await run("node_modules/.bin/playwright", ["test", ...(only === "e2e" ? rest : [])], { ...env, ...named, E2E_STANDALONE: "1" });
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await s3.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
}
