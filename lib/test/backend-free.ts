import fs from "node:fs";
import path from "node:path";

/**
 * Which test files the PostgreSQL + S3 pass leaves out (docs/testing.md, "Which tests run in both passes").
 * Every test runs in both passes unless a line at its top says `// backend-free: <why>`: nothing it runs
 * reads the database or the object store the pass sets up, so the second pass would run the very same code.
 * In the SQLite pass a marked unit test file that touches Keyframe's database or store fails
 * (lib/test/backend-free-guard.ts), so the mark cannot outlive its reason.
 */
export const BACKEND_FREE_MARK = /^\/\/ backend-free: \S/m;

/** Where the mark counts: the lines above the first import. */
const HEAD_CHARS = 600;

export function isBackendFree(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(HEAD_CHARS);
    const read = fs.readSync(fd, head, 0, HEAD_CHARS, 0);
    const text = head.subarray(0, read).toString("utf8");
    const firstImport = text.search(/^import /m);
    return BACKEND_FREE_MARK.test(firstImport === -1 ? text : text.slice(0, firstImport));
  } finally {
    fs.closeSync(fd);
  }
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const SUITES = {
  unit: { dirs: ["lib", "app", "components", "scripts/keyframe"], suffix: ".test.ts" },
  e2e: { dirs: ["e2e"], suffix: ".spec.ts" },
};

/** A suite's test files, relative to the repository, sorted. */
export function testFiles(suite: keyof typeof SUITES): string[] {
  const { dirs, suffix } = SUITES[suite];
  return dirs.flatMap((dir) =>
    (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
      .filter((name) => name.endsWith(suffix) && !name.split(path.sep).includes("node_modules"))
      .map((name) => path.join(dir, name))
      .sort(),
  );
}

/** True when this run leaves backend-free files out: the PostgreSQL + S3 pass, unless TEST_EVERY_FILE is set. */
export function leavesOutBackendFree(): boolean {
  return Boolean(process.env.TEST_PG_URL && process.env.TEST_S3_ENDPOINT) && !process.env.TEST_EVERY_FILE;
}

/** The files this run leaves out of a suite (relative to the repository): none in the SQLite pass. */
export function leftOut(suite: keyof typeof SUITES): string[] {
  return leavesOutBackendFree() ? testFiles(suite).filter((file) => isBackendFree(path.join(ROOT, file))) : [];
}

/** For the pass banner: how many files the run leaves out, and why. */
export function leftOutNote(suite: keyof typeof SUITES): string {
  const files = leftOut(suite);
  return files.length ? ` · ${files.length} of ${testFiles(suite).length} files marked backend-free left out` : "";
}
