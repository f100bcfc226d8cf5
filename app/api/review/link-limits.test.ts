import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ReviewView } from "@/lib/reviews/types";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, testWorker } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { call, savedJob } from "@/lib/test/routes";

let sim: Simulator;
let cookie = "";
let userId = "";
let m: {
  jobs: typeof import("../jobs/route");
  links: typeof import("../review-links/route");
  link: typeof import("../review-links/[id]/route");
  review: typeof import("./[token]/route");
  unlock: typeof import("./[token]/passphrase/route");
  decisions: typeof import("./[token]/decisions/route");
  visit: typeof import("./[token]/visit/route");
  inbox: typeof import("../review-inbox/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    jobs: await import("../jobs/route"),
    links: await import("../review-links/route"),
    link: await import("../review-links/[id]/route"),
    review: await import("./[token]/route"),
    unlock: await import("./[token]/passphrase/route"),
    decisions: await import("./[token]/decisions/route"),
    visit: await import("./[token]/visit/route"),
    inbox: await import("../review-inbox/route"),
  };
  await testWorker({ pollMaxMs: 300, submitConcurrency: 3 });
  ({ cookie, id: userId } = await signedIn("limits@keyframe.test"));
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

async function linkOnATake(): Promise<string> {
  const body = jobForm({ prompt: "A kite over dunes" });
  const res = await m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie } }));
  const [job] = ((await res.json()) as { jobs: { id: string }[] }).jobs;
  await savedJob(job!.id);
  return (await call<{ id: string }>(m.links, "POST", { cookie, body: { jobIds: [job!.id] } })).body.id;
}

const reviewer = (i: number) => `reviewer-${String(i).padStart(16, "0")}`;
const from = (token: string, address: string) => ({ params: { token }, headers: { "x-keyframe-peer": address } });
type Failure = { error: { code: string; message: string } };

describe("review link limits", () => {
  test("a room of 60 reviewers typing the right passphrase all get in, and the link still refuses a wrong one", async () => {
    const token = await linkOnATake();
    await call(m.link, "PATCH", { cookie, params: { id: token }, body: { passphrase: "kite season 26" } });
    const statuses = [];
    for (let i = 0; i < 60; i++) {
      const address = `198.51.100.${i + 1}`;
      statuses.push((await call(m.unlock, "POST", { ...from(token, address), body: { passphrase: "kite season 26" } })).status);
    }
    expect(statuses).toEqual(Array(60).fill(204));
    const wrong = await call<Failure>(m.unlock, "POST", { ...from(token, "198.51.100.200"), body: { passphrase: "kite season 25" } });
    expect(wrong.status).toBe(401);
  }, 60_000);

  test("visits: 60 in ten minutes from one address, then 429 with Retry-After; another address still visits", async () => {
    const token = await linkOnATake();
    const body = { reviewerId: reviewer(1), name: "Rui" };
    for (let i = 0; i < 60; i++) expect((await call(m.visit, "POST", { ...from(token, "203.0.113.7"), body })).status).toBe(200);
    const refused = await call<Failure>(m.visit, "POST", { ...from(token, "203.0.113.7"), body });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^Too many visits from here; try again in \d+ s\.$/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(m.visit, "POST", { ...from(token, "203.0.113.8"), body })).status).toBe(200);
  }, 60_000);

  test("a link takes 500 reviewers and 10,000 decisions; past that a new one is refused, the ones it has still work", async () => {
    const token = await linkOnATake();
    const { getDb } = await import("@/lib/db/client");
    const { db, t } = await getDb();
    const now = Date.now();
    const visits = Array.from({ length: 500 }, (_, i) => ({
      linkId: token,
      reviewerId: reviewer(i),
      name: null,
      views: 1,
      seenVersion: null,
      lastSeenAt: now,
    }));
    for (let i = 0; i < visits.length; i += 250) await db.insert(t.reviewVisits).values(visits.slice(i, i + 250));
    const late = await call<Failure>(m.visit, "POST", {
      ...from(token, "203.0.113.20"),
      body: { reviewerId: reviewer(500), name: "Late" },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe("This review link has had 500 reviewers, its most; ask the team for a new link.");
    expect((await call(m.visit, "POST", { ...from(token, "203.0.113.20"), body: { reviewerId: reviewer(3), name: "Known" } })).status).toBe(
      200,
    );

    const shotKey = (await call<{ review: ReviewView }>(m.review, "GET", { ...from(token, "203.0.113.20"), url: `/api/review/${token}` }))
      .body.review.shots[0]!.key;
    const decisions = Array.from({ length: 10_000 }, (_, i) => ({
      linkId: token,
      reviewerId: reviewer(i),
      shotKey,
      name: "Bulk",
      decision: "approved" as const,
      subjectId: "x",
      version: null,
      updatedAt: now,
    }));
    for (let i = 0; i < decisions.length; i += 500) await db.insert(t.reviewDecisions).values(decisions.slice(i, i + 500));
    const decide = (i: number, decision: string) =>
      call<Failure>(m.decisions, "POST", {
        ...from(token, "203.0.113.21"),
        body: { reviewerId: reviewer(i), name: "Rui", shotKey, decision },
      });
    const full = await decide(10_000, "approved");
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe("This review link cannot take more decisions; ask the team for a new link.");
    expect((await decide(7, "changes_requested")).status).toBe(200);
  }, 60_000);

  test("the team's unread count is right past 5,000 reviewer events, and counts the newest after a read", async () => {
    const token = await linkOnATake();
    const { getDb } = await import("@/lib/db/client");
    const { db, t } = await getDb();
    const start = Date.now() - 60_000;
    const rows = Array.from({ length: 5_001 }, (_, i) => ({
      linkId: token,
      reviewerId: reviewer(i),
      shotKey: "s",
      name: "Bulk",
      decision: "approved" as const,
      subjectId: "x",
      version: null,
      updatedAt: start + i,
    }));
    for (let i = 0; i < rows.length; i += 500) await db.insert(t.reviewDecisions).values(rows.slice(i, i + 500));
    type Inbox = { unread: number; links: { linkId: string; unread: number }[] };
    const unread = async () => (await call<Inbox>(m.inbox, "GET", { cookie })).body.links.find((l) => l.linkId === token)?.unread ?? 0;
    expect(await unread()).toBe(5_001);
    const { markRead } = await import("@/lib/db/queries/review-notify");
    await markRead(userId, [token], start + 5_000);
    expect(await unread()).toBe(0);
    await db.insert(t.reviewDecisions).values({ ...rows[0]!, reviewerId: reviewer(9_999), updatedAt: Date.now() });
    expect(await unread()).toBe(1);
  }, 60_000);
});
