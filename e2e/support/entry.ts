import path from "node:path";

/**
 * How e2e servers start: the README's start command (scripts/start.mjs) in the repository, or, with
 * E2E_STANDALONE=1 (the PostgreSQL + S3 pass), the standalone folder the container runs, from inside it.
 */
export const STANDALONE = Boolean(process.env.E2E_STANDALONE);
const standaloneDir = path.resolve(".next", "standalone");

export const serverSpawn = (port: number) =>
  STANDALONE
    ? { command: process.execPath, args: ["server.js", "-p", String(port)], cwd: standaloneDir }
    : { command: process.execPath, args: ["scripts/start.mjs", "-p", String(port)], cwd: process.cwd() };

/** The same as a shell command (for Playwright's webServer). */
export const serverCommand = (port: number) =>
  STANDALONE ? `cd ${standaloneDir} && exec node server.js -p ${port}` : `exec node scripts/start.mjs -p ${port}`;

/** DATA_DIR as an absolute path, so it means the same folder whichever directory the server runs in. */
export const dataDirFor = (dir: string) => path.resolve(dir);
