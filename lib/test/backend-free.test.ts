// backend-free: reads the repository's test files, no database or object store
import { afterEach, expect, test, vi } from "vitest";
import { leftOut, testFiles } from "./backend-free";

afterEach(() => {
  vi.unstubAllEnvs();
});

const serverPass = () => {
  vi.stubEnv("TEST_PG_URL", "postgres://keyframe@127.0.0.1:5432/keyframe");
  vi.stubEnv("TEST_S3_ENDPOINT", "http://127.0.0.1:4569");
};

test("the PostgreSQL + S3 pass leaves out the marked files and runs every other one", () => {
  serverPass();
  vi.stubEnv("TEST_EVERY_FILE", "");
  const unit = leftOut("unit");
  expect(unit).toContain("lib/test/backend-free.test.ts");
  expect(unit).toContain("lib/model/price.test.ts");
  // Unmarked: on both databases.
  expect(unit).not.toContain("app/api/jobs/route.test.ts");
  expect(unit).not.toContain("lib/jobs/worker.test.ts");
  expect(testFiles("unit")).toContain("app/api/jobs/route.test.ts");
  const e2e = leftOut("e2e");
  expect(e2e).toContain("e2e/a11y.spec.ts");
  expect(e2e).not.toContain("e2e/cluster.spec.ts");
  expect(e2e).not.toContain("e2e/playground.spec.ts");
});

test("the SQLite pass, and TEST_EVERY_FILE, leave nothing out", () => {
  vi.stubEnv("TEST_PG_URL", "");
  expect(leftOut("unit")).toEqual([]);
  expect(leftOut("e2e")).toEqual([]);
  serverPass();
  vi.stubEnv("TEST_EVERY_FILE", "1");
  expect(leftOut("unit")).toEqual([]);
});
