import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, testWorker } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { teamSettings } from "@/lib/test/team-settings";

type Err = { error: { code: string; message: string } };
type Jobs = { jobs: { id: string; mine: boolean; owner: string | null }[] };

let sim: Simulator;
let alice: { cookie: string; id: string };
let boss: { cookie: string; id: string };
let m: {
  jobs: typeof import("@/app/api/jobs/route");
  changes: typeof import("@/app/api/jobs/changes/route");
  member: typeof import("@/app/api/admin/members/[id]/route");
  tokens: typeof import("@/lib/auth/tokens");
  worker: typeof import("@/lib/jobs/registry");
  db: typeof import("@/lib/db/client");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    jobs: await import("@/app/api/jobs/route"),
    changes: await import("@/app/api/jobs/changes/route"),
    member: await import("@/app/api/admin/members/[id]/route"),
    tokens: await import("@/lib/auth/tokens"),
    worker: await import("@/lib/jobs/registry"),
    db: await import("@/lib/db/client"),
  };
  alice = await signedIn("alice@keyframe.test", "member");
  boss = await signedIn("boss@keyframe.test", "admin");
});
afterAll(() => sim.close());
afterEach(async () => {
  await m.worker.getWorker()?.stop();
  m.worker.setWorker(undefined);
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

const aliceUser = () => ({ id: alice.id, email: "alice@keyframe.test", name: "alice", role: "member" as const });
const token = async (scope: "read" | "generate", now?: number, expiresInDays: number | null = null) =>
  (await m.tokens.makeToken({ name: `Script ${scope}`, scope, expiresInDays }, aliceUser(), now)).secret;
const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });
const post = (headers: Record<string, string>, prompt = "From a script") =>
  m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm({ prompt }), headers }));
const list = (headers: Record<string, string>) => m.jobs.GET(new Request("http://keyframe.test/api/jobs?scope=mine", { headers }));
async function rows() {
  const { db, t } = await m.db.getDb();
  return { jobs: await db.select().from(t.jobs), ledger: await db.select().from(t.ledger) };
}
async function clear() {
  const { db, t } = await m.db.getDb();
  await db.delete(t.ledger);
  await db.delete(t.jobs);
  await db.delete(t.idempotencyKeys);
}

describe("a generate token goes through what a browser goes through", () => {
  test("its job is its member's, in their gallery, on the ledger, and counts against their cap", async () => {
    await clear();
    await teamSettings({ memberDailyCapUsd: 0.064 }); // two 2 s takes at $0.032
    const secret = await token("generate");
    const made = await post(auth(secret));
    expect(made.status).toBe(201);
    const [job] = ((await made.json()) as Jobs).jobs;
    const stored = await rows();
    expect(stored.jobs.map((j) => j.userId)).toEqual([alice.id]);
    expect(stored.ledger.map((l) => l.userId)).toEqual([alice.id]);

    const mine = (await (await list(auth(secret))).json()) as Jobs;
    expect(mine.jobs).toEqual([expect.objectContaining({ id: job!.id, mine: true, owner: "alice" })]);
    // The token decides who asks, whatever session cookie rides along.
    const withBossCookie = (await (await list({ ...auth(secret), cookie: boss.cookie })).json()) as Jobs;
    expect(withBossCookie.jobs.map((j) => j.id)).toEqual([job!.id]);
    expect((await post({ cookie: alice.cookie }, "From the browser")).status).toBe(201);
    const over = await post(auth(secret), "One too many");
    expect(over.status).toBe(403);
    expect(((await over.json()) as Err).error).toMatchObject({
      code: "spend_cap",
      message: expect.stringMatching(/your daily cap of \$0\.064/),
    });
    expect((await rows()).jobs).toHaveLength(2);
  });

  test("the member's rate limit and idempotency keys hold across token and browser", async () => {
    await clear();
    await teamSettings({ submitsPerMinute: 2 });
    const secret = await token("generate");
    const first = await post({ ...auth(secret), "idempotency-key": "nightly-1" });
    expect(first.status).toBe(201);
    const again = await post({ ...auth(secret), "idempotency-key": "nightly-1" });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Jobs).jobs[0]!.id).toBe(((await first.json()) as Jobs).jobs[0]!.id);
    expect((await post({ cookie: alice.cookie })).status).toBe(201);
    const limited = await post(auth(secret), "Third this minute");
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as Err).error.message).toMatch(/You can start 2 generations a minute/);
    expect((await rows()).jobs).toHaveLength(2);
  });

  test("a read-only token lists takes but its POST is 403, storing nothing and calling nobody upstream", async () => {
    await clear();
    await teamSettings({});
    await testWorker({ pollMaxMs: 300 });
    const secret = await token("read");
    expect((await list(auth(secret))).status).toBe(200);
    const changes = await m.changes.GET(new Request("http://keyframe.test/api/jobs/changes?since=0.0.0", { headers: auth(secret) }));
    expect([401, 403]).not.toContain(changes.status);
    const res = await post(auth(secret));
    expect(res.status).toBe(403);
    expect(((await res.json()) as Err).error).toEqual({
      code: "forbidden",
      message: "This token is read-only: it can only read (GET). Make a token with the generate scope to do this.",
    });
    await new Promise((r) => setTimeout(r, 400));
    expect(await rows()).toEqual({ jobs: [], ledger: [] });
    expect(sim.stats.submitRequests).toBe(0);
    expect(sim.stats.uploads.tickets + sim.stats.uploads.binary).toBe(0);
  });
});

describe("a token that no longer stands for anyone is 401 at once, saying why", () => {
  const refusal = async (secret: string, cookie?: string) => {
    const res = await list({ ...auth(secret), ...(cookie ? { cookie } : {}) });
    return { status: res.status, message: ((await res.json()) as Err).error.message, www: res.headers.get("www-authenticate") };
  };

  test("unknown, malformed, revoked, expired, and a disabled member's", async () => {
    const unknown = `kf_${"A".repeat(43)}`;
    expect(await refusal(unknown)).toMatchObject({
      status: 401,
      message: expect.stringMatching(/^This API token is not known/),
      www: /Bearer/,
    });
    // Cookies beside a bad token are ignored: the token decides.
    expect((await refusal("not-a-token", alice.cookie)).status).toBe(401);

    const revoked = await m.tokens.makeToken({ name: "Soon gone", scope: "generate" }, aliceUser());
    expect((await list(auth(revoked.secret))).status).toBe(200);
    await m.tokens.revokeTokenById(revoked.token.id, aliceUser());
    expect(await refusal(revoked.secret)).toMatchObject({
      status: 401,
      message: "This API token was revoked. Make a new one on the API page.",
    });

    const twoDaysAgo = Date.now() - 2 * 86_400_000;
    const expired = await token("generate", twoDaysAgo, 1);
    const when = new Date(twoDaysAgo + 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
    expect(await refusal(expired)).toMatchObject({
      status: 401,
      message: `This API token expired at ${when}. Make a new one on the API page.`,
    });

    const live = await token("generate");
    expect((await list(auth(live))).status).toBe(200);
    const disable = await m.member.PATCH(
      new Request("http://keyframe.test/x", {
        method: "PATCH",
        body: JSON.stringify({ disabled: true }),
        headers: { cookie: boss.cookie },
      }),
      { params: Promise.resolve({ id: alice.id }) },
    );
    expect(disable.status).toBe(200);
    expect(await refusal(live)).toMatchObject({
      status: 401,
      message: "This API token's member is disabled, so the token no longer works.",
    });
  });
});

describe("an admin's powers go with the admin scope only", () => {
  const bossUser = () => ({ id: boss.id, email: "boss@keyframe.test", name: "boss", role: "admin" as const });
  const bossToken = async (scope: "read" | "generate" | "admin") =>
    (await m.tokens.makeToken({ name: `Boss ${scope}`, scope }, bossUser())).secret;
  const cancel = async (id: string, headers: Record<string, string>) => {
    const { POST } = await import("@/app/api/jobs/[id]/cancel/route");
    return POST(new Request(`http://keyframe.test/api/jobs/${id}/cancel`, { method: "POST", headers }), {
      params: Promise.resolve({ id }),
    });
  };

  test("an admin's generate token cannot withdraw another member's take; the admin-scope token can", async () => {
    await teamSettings({});
    // A member of their own (an earlier test disables alice).
    const carol = await signedIn("carol@keyframe.test", "member");
    const made = (await (await post({ cookie: carol.cookie, origin: "http://keyframe.test" }, "Carol's queued take")).json()) as Jobs;
    const id = made.jobs[0]!.id;
    const asMember = await cancel(id, auth(await bossToken("generate")));
    expect(asMember.status).toBe(403);
    expect(((await asMember.json()) as Err).error.code).toBe("forbidden");
    const asAdmin = await cancel(id, auth(await bossToken("admin")));
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.json()).toMatchObject({ id, status: "cancelled" });
  });

  test("a token cannot set its own member's password; a browser session can", async () => {
    const admin = await bossToken("admin");
    const patch = (headers: Record<string, string>) =>
      m.member.PATCH(
        new Request(`http://keyframe.test/api/admin/members/${boss.id}`, {
          method: "PATCH",
          body: JSON.stringify({ password: "a-new-long-password-1" }),
          headers: { "content-type": "application/json", ...headers },
        }),
        { params: Promise.resolve({ id: boss.id }) },
      );
    const byToken = await patch(auth(admin));
    expect(byToken.status).toBe(403);
    expect(await byToken.json()).toMatchObject({
      error: { fields: { password: "A token cannot set its own member's password: change it from a browser session." } },
    });
  });
});
