// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import type { JobChanges, JobView } from "@/lib/jobs/types";
import { applyChanges, emptyLive, liveList, showWaiting } from "./live-jobs";

const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, s)).toISOString();
const job = (id: string, created: number, changed = created, status = "processing"): JobView =>
  ({ id, createdAt: at(created), changedAt: at(changed), status }) as JobView;
const changes = (jobs: JobView[], gone: string[] = [], version = "v2"): JobChanges => ({
  jobs,
  gone,
  version,
  activeCount: 1,
  savingCount: 0,
  reset: false,
});
const notOurs = () => false;

describe("live gallery state", () => {
  const loaded = [job("b", 20), job("a", 10)];

  test("a newer copy of a loaded job replaces it in place; an older one is ignored", () => {
    let live = applyChanges(emptyLive(), changes([job("a", 10, 30, "completed")]), loaded, notOurs);
    expect(liveList(live, loaded).map((j) => [j.id, j.status])).toEqual([
      ["b", "processing"],
      ["a", "completed"],
    ]);
    live = applyChanges(live, changes([job("a", 10, 12, "processing")], [], "v3"), loaded, notOurs);
    expect(liveList(live, loaded)[1]?.status).toBe("completed");
  });

  test("a new take from elsewhere waits behind the button; this tab's shows at once", () => {
    let live = applyChanges(emptyLive(), changes([job("c", 40), job("d", 41)]), loaded, (id) => id === "d");
    expect(liveList(live, loaded).map((j) => j.id)).toEqual(["d", "b", "a"]);
    expect(live.waiting.map((j) => j.id)).toEqual(["c"]);
    // A newer state of a waiting take stays waiting, updated.
    live = applyChanges(live, changes([job("c", 40, 50, "completed")], [], "v3"), loaded, notOurs);
    expect(live.waiting[0]?.status).toBe("completed");
    live = showWaiting(live);
    expect(liveList(live, loaded).map((j) => j.id)).toEqual(["d", "c", "b", "a"]);
  });

  test("deleted (or no longer matching) jobs go, wherever they were", () => {
    let live = applyChanges(emptyLive(), changes([job("c", 40)]), loaded, notOurs);
    live = applyChanges(live, changes([], ["a", "c"], "v3"), loaded, notOurs);
    expect(liveList(live, loaded).map((j) => j.id)).toEqual(["b"]);
    expect(live.waiting).toEqual([]);
  });

  test("an answer that adds nothing returns the same state (no re-render)", () => {
    const live = applyChanges(emptyLive(), changes([job("a", 10, 30)]), loaded, notOurs);
    expect(applyChanges(live, changes([job("a", 10, 30)]), loaded, notOurs)).toBe(live);
  });
});
