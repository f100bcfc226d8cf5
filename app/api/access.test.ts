import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { ROUTE_METHODS, callRoute as call } from "@/lib/test/api-routes";
import { setupApp, signedIn } from "@/lib/test/app";

let sim: Simulator;

beforeAll(async () => {
  ({ sim } = await setupApp());
});
afterAll(() => sim.close());

describe("access", () => {
  test.each(ROUTE_METHODS)("%s without a session is 401 with no data", async (_name, load, method) => {
    const res = await call(await load(), method);
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).not.toMatch(/"jobs"|"members"|"spend"|"teamDailyCapUsd"|"storyboards"|"shots"|"presets"/);
  });

  test("a member calling an admin route gets 403; an admin gets the data", async () => {
    const member = await signedIn("member@keyframe.test", "member");
    const admin = await signedIn("boss@keyframe.test", "admin");
    const settings = await import("./admin/settings/route");
    const members = await import("./admin/members/route");
    for (const mod of [settings, members]) {
      const denied = await call(mod as never, "GET", { cookie: member.cookie });
      expect(denied.status).toBe(403);
      expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      expect((await call(mod as never, "GET", { cookie: admin.cookie })).status).toBe(200);
    }
  });

  test("the health check answers without a session", async () => {
    const health = await import("./health/route");
    expect((await health.GET()).status).toBeLessThan(600);
  });
});

describe("sign-in", () => {
  const post = async (body: unknown) => {
    const session = await import("./session/route");
    return session.POST(new Request("http://keyframe.test/api/session", { method: "POST", body: JSON.stringify(body) }));
  };

  test("wrong password, unknown email and a disabled account get the same answer", async () => {
    const admin = await signedIn("admin2@keyframe.test");
    const gone = await signedIn("gone@keyframe.test", "member");
    const update = await import("./admin/members/[id]/route");
    const disabled = await update.PATCH(
      new Request("http://keyframe.test/x", {
        method: "PATCH",
        body: JSON.stringify({ disabled: true }),
        headers: { cookie: admin.cookie },
      }),
      { params: Promise.resolve({ id: gone.id }) },
    );
    expect(disabled.status).toBe(200);

    const answers = [];
    for (const body of [
      { email: "admin2@keyframe.test", password: "not the password" },
      { email: "nobody@keyframe.test", password: "correct horse battery" },
      { email: "gone@keyframe.test", password: "correct horse battery" },
    ]) {
      const res = await post(body);
      answers.push({ status: res.status, body: await res.json(), cookie: res.headers.get("set-cookie") });
    }
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.every((a) => a.cookie === null)).toBe(true);

    // The disabled member's existing session ended too.
    const jobs = await import("./jobs/route");
    expect((await jobs.GET(new Request("http://keyframe.test/api/jobs", { headers: { cookie: gone.cookie } }))).status).toBe(401);

    const ok = await post({ email: "admin2@keyframe.test", password: "correct horse battery" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toMatch(/keyframe\.session_token=.*HttpOnly.*SameSite=Lax/i);
    expect(ok.headers.get("set-cookie")).toMatch(/Max-Age=34560000/);
  });

  test("repeated failures for one email are slowed down", async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      expect((await post({ email: "slow@keyframe.test", password: "wrong" })).status).toBe(401);
      times.push(Date.now() - started);
    }
    // Three free tries, then 0.5 s, then 1 s.
    expect(times[3]).toBeGreaterThanOrEqual(450);
    expect(times[4]).toBeGreaterThanOrEqual(950);
  });

  test("sign-out ends the session on the server", async () => {
    const someone = await signedIn("leaver@keyframe.test", "member");
    const session = await import("./session/route");
    const out = await session.DELETE(
      new Request("http://keyframe.test/api/session", { method: "DELETE", headers: { cookie: someone.cookie } }),
    );
    expect(out.status).toBe(200);
    const jobs = await import("./jobs/route");
    // The old cookie, replayed, no longer works.
    expect((await jobs.GET(new Request("http://keyframe.test/api/jobs", { headers: { cookie: someone.cookie } }))).status).toBe(401);
  });

  test("GET /api/session says who the request signs in as (keyframe whoami)", async () => {
    const someone = await signedIn("whoami@keyframe.test", "member");
    const session = await import("./session/route");
    const res = await session.GET(new Request("http://keyframe.test/api/session", { headers: { cookie: someone.cookie } }));
    expect(res.status).toBe(200);
    const user = { id: someone.id, name: "whoami", email: "whoami@keyframe.test", role: "member" as const };
    expect(await res.json()).toEqual({ user, token: null });
    const { makeToken } = await import("@/lib/auth/tokens");
    const made = await makeToken({ name: "a script", scope: "read", expiresInDays: null }, user);
    const byToken = await session.GET(
      new Request("http://keyframe.test/api/session", { headers: { authorization: `Bearer ${made.secret}` } }),
    );
    expect(await byToken.json()).toEqual({ user, token: { id: made.token.id, scope: "read" } });
    const nobody = await session.GET(new Request("http://keyframe.test/api/session"));
    expect(nobody.status).toBe(401);
    expect(await nobody.text()).not.toContain("whoami");
  });
});

describe("admins manage members", () => {
  test("resetting a password ends the member's sessions, and the new password works", async () => {
    const admin = await signedIn("keeper@keyframe.test");
    const member = await signedIn("forgetful@keyframe.test", "member");
    const update = await import("./admin/members/[id]/route");
    const res = await update.PATCH(
      new Request("http://keyframe.test/x", {
        method: "PATCH",
        body: JSON.stringify({ password: "a brand new password" }),
        headers: { cookie: admin.cookie },
      }),
      { params: Promise.resolve({ id: member.id }) },
    );
    expect(res.status).toBe(200);
    const jobs = await import("./jobs/route");
    expect((await jobs.GET(new Request("http://keyframe.test/api/jobs", { headers: { cookie: member.cookie } }))).status).toBe(401);
    const session = await import("./session/route");
    const signIn = (password: string) =>
      session.POST(
        new Request("http://keyframe.test/api/session", {
          method: "POST",
          body: JSON.stringify({ email: "forgetful@keyframe.test", password }),
        }),
      );
    expect((await signIn("correct horse battery")).status).toBe(401);
    expect((await signIn("a brand new password")).status).toBe(200);
  });

  test("a member cannot create accounts or change roles", async () => {
    const member = await signedIn("sneaky@keyframe.test", "member");
    const members = await import("./admin/members/route");
    const res = await members.POST(
      new Request("http://keyframe.test/x", {
        method: "POST",
        body: JSON.stringify({ name: "X", email: "x@keyframe.test", password: "0123456789ab", role: "admin" }),
        headers: { cookie: member.cookie },
      }),
    );
    expect(res.status).toBe(403);
  });
});

describe("session cookies", () => {
  // The gallery (its session and change marks in one query) and any other route (the session alone).
  const readers = [
    async (cookie: string) =>
      (await import("./jobs/route")).GET(new Request("http://keyframe.test/api/jobs?limit=1", { headers: { cookie } })),
    async (cookie: string) =>
      (await import("./presets/route")).GET(new Request("http://keyframe.test/api/presets", { headers: { cookie } })),
  ];
  const statusesWith = async (cookie: string) => Promise.all(readers.map(async (read) => (await read(cookie)).status));
  const sessionOf = async (cookie: string) => {
    const { db, t } = await (await import("@/lib/db/client")).getDb();
    const token = decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;
    const { eq } = await import("drizzle-orm");
    const row = async () => (await db.select().from(t.session).where(eq(t.session.token, token)))[0];
    return { row, expire: (at: Date) => db.update(t.session).set({ expiresAt: at }).where(eq(t.session.token, token)) };
  };

  test("a cookie whose signature does not hold reads nothing, though its token is a live session's", async () => {
    const someone = await signedIn("forger@keyframe.test", "member");
    expect(await statusesWith(someone.cookie)).toEqual([200, 200]);
    const [name, value] = someone.cookie.split("=") as [string, string];
    const [token, signature] = decodeURIComponent(value).split(".") as [string, string];
    const flipped = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    for (const forged of [`${token}.${flipped}`, token, `${token}.`]) {
      expect(await statusesWith(`${name}=${encodeURIComponent(forged)}`)).toEqual([401, 401]);
    }
  });

  test("an expired session reads nothing; one due for renewal still works and is renewed", async () => {
    const someone = await signedIn("renewed@keyframe.test", "member");
    const session = await sessionOf(someone.cookie);
    const day = 24 * 60 * 60 * 1000;
    // Made 2 days ago: past the daily renewal age, 12 days left.
    for (const read of readers) {
      await session.expire(new Date(Date.now() + 12 * day));
      expect((await read(someone.cookie)).status).toBe(200);
      expect((await session.row())!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13.9 * day);
    }

    await session.expire(new Date(Date.now() - 1000));
    expect(await statusesWith(someone.cookie)).toEqual([401, 401]);
  });

  test("two session cookies are left to better-auth's choice, however they are spaced", async () => {
    const ended = await signedIn("ended@keyframe.test", "member");
    const live = await signedIn("alive@keyframe.test", "member");
    await (await sessionOf(ended.cookie)).expire(new Date(Date.now() - 1000));
    const [name, endedValue] = ended.cookie.split("=") as [string, string];
    const liveValue = live.cookie.split("=")[1]!;
    // better-auth reads the first of the two: the ended session. Read the last, this would be a live one's.
    expect(await statusesWith(`${name} =${endedValue}; ${name}=${liveValue}`)).toEqual([401, 401]);
  });

  test("a disabled member reads nothing, even while a session row of theirs is still there", async () => {
    // Disabling marks the member, then deletes their sessions: another instance can be asked in between.
    const someone = await signedIn("between@keyframe.test", "member");
    const { db, t } = await (await import("@/lib/db/client")).getDb();
    const { eq } = await import("drizzle-orm");
    await db.update(t.user).set({ banned: true }).where(eq(t.user.id, someone.id));
    expect((await sessionOf(someone.cookie).then((s) => s.row()))?.userId).toBe(someone.id);
    expect(await statusesWith(someone.cookie)).toEqual([401, 401]);
  });
});
