import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";

let sim: Simulator;
let cookie = "";
let m: {
  jobs: typeof import("../route");
  changes: typeof import("./route");
  queries: typeof import("@/lib/db/queries/jobs");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = { jobs: await import("../route"), changes: await import("./route"), queries: await import("@/lib/db/queries/jobs") };
  ({ cookie } = await signedIn("changes@keyframe.test"));
});
afterAll(() => sim.close());

type View = { id: string; status: string };
type Page = { jobs: View[]; version: string };
type Changes = { jobs: View[]; gone: string[]; version: string; reset: boolean };

const get = (route: { GET(r: Request): Promise<Response> }, path: string, headers: Record<string, string> = {}) =>
  route.GET(new Request(`http://keyframe.test${path}`, { headers: { cookie, ...headers } }));
const create = async (prompt: string) =>
  (
    (await (
      await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm({ prompt }), headers: { cookie } }))
    ).json()) as {
      jobs: View[];
    }
  ).jobs[0]!;

describe("validators", () => {
  test("an unchanged gallery poll is a 304 with no body; any change gives a new tag", async () => {
    await create("A first take");
    const first = await get(m.jobs, "/api/jobs?limit=24");
    expect(first.status).toBe(200);
    const tag = first.headers.get("etag")!;
    expect(tag).toMatch(/^".+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    const again = await get(m.jobs, "/api/jobs?limit=24", { "if-none-match": tag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Another query, or another viewer, is another answer.
    expect((await get(m.jobs, "/api/jobs?limit=24&status=failed", { "if-none-match": tag })).status).toBe(200);

    await new Promise((r) => setTimeout(r, 2));
    await create("A second take");
    const changed = await get(m.jobs, "/api/jobs?limit=24", { "if-none-match": tag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(tag);
  });
});

describe("a change stamped by a clock behind the others", () => {
  test("still moves the validator: no 304 over a real change", async () => {
    const job = await create("A take another instance finishes");
    await new Promise((r) => setTimeout(r, 5));
    await create("A newer take, the newest change");
    const first = await get(m.jobs, "/api/jobs?limit=24");
    const tag = first.headers.get("etag")!;
    // As an instance whose clock runs behind writes it: changed_at older than the newest change, so the newest
    // change time alone would not move.
    const { db, t } = await (await import("@/lib/db/client")).getDb();
    await db
      .update(t.jobs)
      .set({ status: "failed", error: "Elsewhere", changedAt: 1 })
      .where((await import("drizzle-orm")).eq(t.jobs.id, job.id));
    const after = await get(m.jobs, "/api/jobs?limit=24", { "if-none-match": tag });
    expect(after.status).toBe(200);
    expect(((await after.json()) as Page).jobs.find((j) => j.id === job.id)?.status).toBe("failed");
  });
});

describe("GET /api/jobs/changes", () => {
  test("new jobs, new states and deletions since a version, filtered like the gallery", async () => {
    const page = (await (await get(m.jobs, "/api/jobs?limit=24&status=failed")).json()) as Page;
    const none = (await (await get(m.changes, `/api/jobs/changes?since=${page.version}&status=failed`)).json()) as Changes;
    expect(none.jobs.filter((j) => j.status === "failed")).toEqual([]);

    await new Promise((r) => setTimeout(r, 2));
    const job = await create("A take that fails");
    // Queued: not in the Failed tab, so it is reported as not belonging there.
    let changes = (await (await get(m.changes, `/api/jobs/changes?since=${page.version}&status=failed`)).json()) as Changes;
    expect(changes.jobs.map((j) => j.id)).not.toContain(job.id);
    expect(changes.gone).toContain(job.id);

    await new Promise((r) => setTimeout(r, 2));
    await m.queries.updateJob(job.id, { status: "failed", error: "Simulated", finishedAt: Date.now() });
    changes = (await (await get(m.changes, `/api/jobs/changes?since=${page.version}&status=failed`)).json()) as Changes;
    expect(changes.jobs.map((j) => j.id)).toContain(job.id);
    expect(changes.reset).toBe(false);

    // An unchanged poll of the same question is a 304.
    const res = await get(m.changes, `/api/jobs/changes?since=${changes.version}&status=failed`);
    const again = await get(m.changes, `/api/jobs/changes?since=${changes.version}&status=failed`, {
      "if-none-match": res.headers.get("etag")!,
    });
    expect(again.status).toBe(304);

    await new Promise((r) => setTimeout(r, 2));
    const deleted = await (
      await import("../[id]/route")
    ).DELETE(new Request("http://keyframe.test/x", { method: "DELETE", headers: { cookie } }), {
      params: Promise.resolve({ id: job.id }),
    });
    expect(deleted.status).toBe(204);
    changes = (await (await get(m.changes, `/api/jobs/changes?since=${changes.version}&status=failed`)).json()) as Changes;
    expect(changes.gone).toContain(job.id);
    expect(changes.jobs.map((j) => j.id)).not.toContain(job.id);
  });

  test("a member renamed since the version: start over (names on cards come from no job change)", async () => {
    const page = (await (await get(m.jobs, "/api/jobs?limit=24")).json()) as Page;
    const { db, t } = await (await import("@/lib/db/client")).getDb();
    await new Promise((r) => setTimeout(r, 5));
    await db.update(t.user).set({ name: "Renamed", updatedAt: new Date() });
    const changes = (await (await get(m.changes, `/api/jobs/changes?since=${page.version}`)).json()) as Changes;
    expect(changes.reset).toBe(true);
  });

  test("a malformed version is a 400 on since", async () => {
    const res = await get(m.changes, "/api/jobs/changes?since=nonsense");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.since).toBe("Invalid version.");
  });
});

describe("an unchanged poll", () => {
  const poll = (version: string, headers: Record<string, string>) => get(m.changes, `/api/jobs/changes?since=${version}`, headers);

  test("is a 304 with no body for its own member only; a change, a sign-out or a disabled member counts at once", async () => {
    const member = await signedIn("poller@keyframe.test", "member");
    const other = await signedIn("neighbour@keyframe.test", "member");
    const { version } = (await (await get(m.jobs, "/api/jobs?limit=24")).json()) as Page;
    const first = await poll(version, { cookie: member.cookie });
    expect(first.status).toBe(200);
    const tag = first.headers.get("etag")!;

    const same = await poll(version, { cookie: member.cookie, "if-none-match": tag });
    expect(same.status).toBe(304);
    expect(same.headers.get("etag")).toBe(tag);
    expect(await same.text()).toBe("");
    // Another member's tag is not this one: a 200 with their own view, never a 304 over someone else's.
    const theirs = await poll(version, { cookie: other.cookie, "if-none-match": tag });
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get("etag")).not.toBe(tag);

    await new Promise((r) => setTimeout(r, 2));
    const job = await create("A take a poller sees at once");
    const changed = await poll(version, { cookie: member.cookie, "if-none-match": tag });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as Changes).jobs.map((j) => j.id)).toContain(job.id);

    // The other member signs out: their cookie, replayed with a tag that matched, reads nothing.
    const session = await import("@/app/api/session/route");
    const theirTag = (await poll(version, { cookie: other.cookie })).headers.get("etag")!;
    expect((await poll(version, { cookie: other.cookie, "if-none-match": theirTag })).status).toBe(304);
    await session.DELETE(new Request("http://keyframe.test/api/session", { method: "DELETE", headers: { cookie: other.cookie } }));
    const signedOut = await poll(version, { cookie: other.cookie, "if-none-match": theirTag });
    expect(signedOut.status).toBe(401);
    expect(((await signedOut.json()) as { error: { code: string } }).error.code).toBe("unauthorized");

    // An admin disables the poller: the very next poll is refused.
    const current = (await poll(version, { cookie: member.cookie })).headers.get("etag")!;
    expect((await poll(version, { cookie: member.cookie, "if-none-match": current })).status).toBe(304);
    const update = await import("@/app/api/admin/members/[id]/route");
    const disabled = await update.PATCH(
      new Request("http://keyframe.test/x", { method: "PATCH", body: JSON.stringify({ disabled: true }), headers: { cookie } }),
      { params: Promise.resolve({ id: member.id }) },
    );
    expect(disabled.status).toBe(200);
    expect((await poll(version, { cookie: member.cookie, "if-none-match": current })).status).toBe(401);
  });
});
