import path from "node:path";
import { afterAll } from "vitest";
import { isBackendFree } from "./backend-free";

/**
 * Vitest's setup file: a test file marked `// backend-free:` (see backend-free.ts) fails if it touched
 * Keyframe's database or object store, or set up the pass's backends (setupApp), because the PostgreSQL +
 * S3 pass leaves it out on the strength of that mark.
 */
const SINGLETONS = { __keyframeDb: "database", __keyframeStore: "object store", __keyframeTestApp: "test backends (setupApp)" };
const touched = new Set<string>();
const g = globalThis as Record<string, unknown>;

for (const [key, what] of Object.entries(SINGLETONS)) {
  let value = g[key];
  Object.defineProperty(g, key, {
    configurable: true,
    enumerable: true,
    get: () => {
      touched.add(what);
      return value;
    },
    set: (next: unknown) => {
      touched.add(what);
      value = next;
    },
  });
}

// Vitest wants the first argument destructured; the file is in the second.
afterAll(({}, suite) => {
  const file = suite.file.filepath;
  if (touched.size === 0 || !isBackendFree(file)) return;
  throw new Error(
    `${path.relative(process.cwd(), file)} is marked "// backend-free:" but used the ${[...touched].join(", ")}: remove the mark so it runs in the PostgreSQL + S3 pass too (docs/testing.md).`,
  );
});
