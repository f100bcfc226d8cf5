import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, until } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { WaveSpeedClient } from "@/lib/wavespeed/client";

let sim: Simulator;
let cookie = "";
let userId = "";
let m: {
  routes: typeof import("./route");
  worker: typeof import("@/lib/jobs/worker");
  ws: typeof import("@/lib/wavespeed");
  settings: typeof import("@/lib/team/settings");
  spend: typeof import("@/lib/team/spend");
  db: typeof import("@/lib/db/client");
  schema: typeof import("@/lib/db/schema");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    routes: await import("./route"),
    worker: await import("@/lib/jobs/worker"),
    ws: await import("@/lib/wavespeed"),
    settings: await import("@/lib/team/settings"),
    spend: await import("@/lib/team/spend"),
    db: await import("@/lib/db/client"),
    schema: await import("@/lib/db/schema"),
  };
  ({ cookie, id: userId } = await signedIn("spender@keyframe.test"));
});
afterAll(() => sim.close());
afterEach(async () => {
  await m.worker.getWorker()?.stop();
  m.worker.setWorker(undefined);
  const db = await m.db.getDb();
  await db.delete(m.schema.ledger);
  await db.delete(m.schema.jobs);
  await db.delete(m.schema.idempotencyKeys);
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

const NO_CAPS = { teamDailyCapUsd: null, teamMonthlyCapUsd: null, memberDailyCapUsd: null, memberMonthlyCapUsd: null };
const settings = (patch: Record<string, unknown>) =>
  m.settings.saveTeamSettings({ balanceWarnUsd: null, defaultShareVisibility: "public", submitsPerMinute: 100, ...NO_CAPS, ...patch });

function post(fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const body = jobForm({ prompt: "A cap test", ...fields });
  return m.routes.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie, ...headers } }));
}

async function startWorker(client = m.ws.wavespeed()) {
  const worker = new m.worker.JobWorker(client, { pollMinMs: 100, pollMaxMs: 300, submitConcurrency: 4 });
  m.worker.setWorker(worker);
  await worker.start();
}

async function ledgerRows() {
  const db = await m.db.getDb();
  return db.select().from(m.schema.ledger);
}

describe("spend caps", () => {
  test("twenty simultaneous submits against a cap with room for three start exactly three", async () => {
    await settings({ teamDailyCapUsd: 0.096 }); // three 2 s videos at $0.032
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post({ prompt: `Concurrent ${i}` })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 403)).toHaveLength(17);
    const refused = (await answers.find((r) => r.status === 403)!.json()) as { error: { code: string; message: string; cap: string } };
    expect(refused.error.code).toBe("spend_cap");
    expect(refused.error.cap).toBe("teamDaily");
    expect(refused.error.message).toMatch(/the team.s daily cap of \$0\.096: \$0\.00 is left, and it resets at \d{4}-\d\d-\d\d 00:00 UTC/);

    await startWorker();
    await until(async () => sim.stats.submits >= 3 || undefined, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(sim.stats.submitRequests).toBe(3);
    const rows = await ledgerRows();
    expect(rows).toHaveLength(3);
    expect(rows.reduce((sum, r) => sum + r.amountMicros, 0)).toBe(96_000);
    const summary = await m.spend.spendSummary(userId);
    expect(summary.team.today).toBe(96_000);
    expect(summary.me.today).toBe(96_000);
  });

  test("a per-member monthly cap names itself and what is left", async () => {
    await settings({ memberMonthlyCapUsd: 0.1 });
    expect((await post({ duration: "5" })).status).toBe(201); // $0.08
    const res = await post({ duration: "2" }); // $0.032 > $0.02 left
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/your monthly cap of \$0\.10?: \$0\.02 is left/);
  });

  test("a job WaveSpeed refuses before accepting it releases its reservation", async () => {
    await settings({ teamDailyCapUsd: 0.032 });
    expect((await post()).status).toBe(201);
    await startWorker(new WaveSpeedClient({ baseUrl: sim.url, apiKey: "wrong-key-123456", timeoutMs: 1000 }));
    await until(async () => ((await ledgerRows())[0]?.state === "released" ? true : undefined), 10_000);
    expect((await m.spend.spendSummary(userId)).team.today).toBe(0);
    await m.worker.getWorker()?.stop();
    expect((await post()).status).toBe(201);
  });
});

describe("double spend", () => {
  test("the same submission sent twice with one idempotency key makes one job and one upstream submit", async () => {
    await settings({});
    const key = "form-submission-1";
    const [a, b] = await Promise.all([post({}, { "idempotency-key": key }), post({}, { "idempotency-key": key })]);
    const c = await post({}, { "idempotency-key": key });
    const bodies = (await Promise.all([a, b, c].map((r) => r.json()))) as { jobs?: { id: string }[] }[];
    const ids = new Set(bodies.flatMap((x) => x.jobs?.map((j) => j.id) ?? []));
    expect(ids.size).toBe(1);
    expect([a.status, b.status].sort()).toEqual(expect.arrayContaining([201]));
    expect(c.status).toBe(200);
    await startWorker();
    await until(async () => sim.stats.submits >= 1 || undefined, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(sim.stats.submitRequests).toBe(1);
    expect(await ledgerRows()).toHaveLength(1);
  });

  test("the same inputs with a fixed seed within a day ask first; confirming pays again", async () => {
    await settings({});
    expect((await post({ seed: "77" })).status).toBe(201);
    const again = await post({ seed: "77" });
    expect(again.status).toBe(409);
    const body = (await again.json()) as { error: { message: string; duplicateOf: string; priceLabel: string } };
    expect(body.error.message).toMatch(/^Already generated/);
    expect(body.error.duplicateOf).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.error.priceLabel).toBe("$0.032");
    expect((await post({ seed: "78" })).status).toBe(201);
    expect((await post({ seed: "77", confirmDuplicate: "true" })).status).toBe(201);
    expect(await ledgerRows()).toHaveLength(3);
  });

  test("over the per-member submits per minute: 429 with Retry-After, nothing reserved", async () => {
    await settings({ submitsPerMinute: 2 });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const third = await post();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await ledgerRows()).toHaveLength(2);
  });
});
