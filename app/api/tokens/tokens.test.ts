import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { call } from "@/lib/test/routes";

type TokenView = {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};
type Made = { token: TokenView; secret: string };
type Err = { error: { code: string; message: string; fields?: Record<string, string> } };

let sim: Simulator;
let alice: { cookie: string; id: string };
let bob: { cookie: string; id: string };
let boss: { cookie: string; id: string };
let m: {
  tokens: typeof import("./route");
  one: typeof import("./[id]/route");
  db: typeof import("@/lib/db/client");
  bearer: typeof import("@/lib/auth/bearer");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    tokens: await import("./route"),
    one: await import("./[id]/route"),
    db: await import("@/lib/db/client"),
    bearer: await import("@/lib/auth/bearer"),
  };
  alice = await signedIn("alice@keyframe.test", "member");
  bob = await signedIn("bob@keyframe.test", "member");
  boss = await signedIn("boss@keyframe.test", "admin");
});
afterAll(() => sim.close());

const make = (cookie: string, body: unknown) => call<Made & Err>(m.tokens, "POST", { cookie, body });
const list = (cookie: string, url = "/api/tokens") =>
  call<{ tokens: (TokenView & { member?: { name: string } })[] } & Err>(m.tokens, "GET", { cookie, url });
const revoke = (id: string, opts: { cookie?: string; headers?: Record<string, string> }) =>
  call<Err>(m.one, "DELETE", { ...opts, params: { id } });

async function storedRow(id: string) {
  const { db, t } = await m.db.getDb();
  const { eq } = await import("drizzle-orm");
  const [row] = await db.select().from(t.apiTokens).where(eq(t.apiTokens.id, id));
  return row!;
}

describe("making, listing and revoking tokens", () => {
  test("a token is shown once as kf_ and 43 base64url characters; only its SHA-256 and its prefix are kept", async () => {
    const before = Date.now();
    const res = await make(alice.cookie, { name: "  Render farm  ", scope: "generate", expiresInDays: 30 });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^kf_[A-Za-z0-9_-]{43}$/);
    expect(res.body.token).toMatchObject({
      name: "Render farm",
      scope: "generate",
      prefix: res.body.secret.slice(0, 10),
      lastUsedAt: null,
    });
    const expires = Date.parse(res.body.token.expiresAt!);
    expect(expires - before).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);

    const row = await storedRow(res.body.token.id);
    expect(row.tokenHash).toBe(m.bearer.hashToken(res.body.secret));
    expect(JSON.stringify(row)).not.toContain(res.body.secret.slice(10));

    const listed = await list(alice.cookie);
    expect(listed.body.tokens.find((t) => t.id === res.body.token.id)).toEqual(res.body.token);
    expect(JSON.stringify(listed.body)).not.toContain(res.body.secret);
  });

  test("no expiry is null; bad names, scopes and expiries are refused on their field and store nothing", async () => {
    expect((await make(alice.cookie, { name: "Forever", scope: "read", expiresInDays: null })).body.token.expiresAt).toBeNull();
    expect((await make(alice.cookie, { name: "Forever too", scope: "read" })).body.token.expiresAt).toBeNull();
    const { db, t } = await m.db.getDb();
    const count = async () => (await db.select().from(t.apiTokens)).length;
    const before = await count();
    const refusals: [unknown, string, RegExp][] = [
      [{ name: "", scope: "read" }, "name", /The token name is empty/],
      [{ name: "x".repeat(61), scope: "read" }, "name", /at most 60 characters/],
      [{ name: "<b>ci</b>", scope: "read" }, "name", /plain text/],
      [{ name: "CI", scope: "write" }, "scope", /Choose a scope: read, generate, admin/],
      [{ name: "CI", scope: "read", expiresInDays: 0 }, "expiresInDays", /at least 1 day/],
      [{ name: "CI", scope: "read", expiresInDays: 366 }, "expiresInDays", /at most 365 days/],
      [{ name: "CI", scope: "read", expiresInDays: 1.5 }, "expiresInDays", /whole number/],
    ];
    for (const [body, field, message] of refusals) {
      const res = await make(alice.cookie, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.fields?.[field]).toMatch(message);
    }
    const admin = await make(alice.cookie, { name: "Sneaky", scope: "admin" });
    expect(admin.status).toBe(403);
    expect(admin.body.error.fields?.scope).toBe("Only an admin can make a token with the admin scope.");
    expect(await count()).toBe(before);
    expect((await make(boss.cookie, { name: "Ops", scope: "admin" })).status).toBe(201);
  });

  test("a member holds at most 50 live tokens; revoking one makes room", async () => {
    const carol = await signedIn("carol@keyframe.test", "member");
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await make(carol.cookie, { name: `Job ${i}`, scope: "read" })).body.token.id);
    const over = await make(carol.cookie, { name: "One more", scope: "read" });
    expect(over.status).toBe(409);
    expect(over.body.error.message).toMatch(/You have 50 live tokens.*revoke one/);
    expect((await revoke(ids[0]!, { cookie: carol.cookie })).status).toBe(204);
    expect((await make(carol.cookie, { name: "One more", scope: "read" })).status).toBe(201);
  });

  test("a member sees and revokes only their own; an admin sees everyone's with whose, and revokes any", async () => {
    const mine = (await make(alice.cookie, { name: "Alice's laptop", scope: "generate" })).body.token;
    expect((await list(bob.cookie)).body.tokens.map((t) => t.id)).not.toContain(mine.id);
    const sneaky = await revoke(mine.id, { cookie: bob.cookie });
    expect(sneaky.status).toBe(404);
    expect((await storedRow(mine.id)).revokedAt).toBeNull();
    expect((await list(bob.cookie, "/api/tokens?all=1")).status).toBe(403);

    const team = await list(boss.cookie, "/api/tokens?all=1");
    expect(team.body.tokens.find((t) => t.id === mine.id)).toMatchObject({
      name: "Alice's laptop",
      member: { name: "alice", email: "alice@keyframe.test" },
    });
    expect((await revoke(mine.id, { cookie: boss.cookie })).status).toBe(204);
    expect((await list(alice.cookie)).body.tokens.map((t) => t.id)).not.toContain(mine.id);
    expect((await revoke(mine.id, { cookie: boss.cookie })).status).toBe(404);
    expect((await revoke("not-an-id", { cookie: alice.cookie })).status).toBe(404);
  });

  test("a token cannot list, make or revoke tokens, not even with a session cookie beside it", async () => {
    const { secret, token } = (await make(boss.cookie, { name: "Ops bot", scope: "admin" })).body;
    const headers = { authorization: `Bearer ${secret}` };
    for (const res of [
      await call<Err>(m.tokens, "GET", { headers }),
      await call<Err>(m.tokens, "POST", { headers, body: { name: "Child", scope: "read" } }),
      await call<Err>(m.tokens, "POST", { headers: { ...headers, cookie: boss.cookie }, body: { name: "Child", scope: "read" } }),
      await revoke(token.id, { headers }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/API tokens are managed from a browser session/);
    }
    expect((await storedRow(token.id)).revokedAt).toBeNull();
  });
});

describe("lastUsedAt", () => {
  test("moves when the token is used, but at most once a minute", async () => {
    const { secret, token } = (await make(alice.cookie, { name: "Poller", scope: "read" })).body;
    const t0 = Date.now();
    expect((await m.bearer.tokenMember(secret, t0)).user?.id).toBe(alice.id);
    expect((await storedRow(token.id)).lastUsedAt).toBe(t0);
    await m.bearer.tokenMember(secret, t0 + 59_000);
    expect((await storedRow(token.id)).lastUsedAt).toBe(t0);
    await m.bearer.tokenMember(secret, t0 + 61_000);
    expect((await storedRow(token.id)).lastUsedAt).toBe(t0 + 61_000);
    const listed = (await list(alice.cookie)).body.tokens.find((t) => t.id === token.id)!;
    expect(listed.lastUsedAt).toBe(new Date(t0 + 61_000).toISOString());
  });
});
