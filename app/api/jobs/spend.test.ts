import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, until, testWorker } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { teamSettings } from "@/lib/test/team-settings";

let sim: Simulator;
let cookie = "";
let userId = "";
let m: {
  routes: typeof import("./route");
  worker: typeof import("@/lib/jobs/registry");
  ws: typeof import("@/lib/wavespeed");
  settings: typeof import("@/lib/team/settings");
  spend: typeof import("@/lib/team/spend");
  spendRoute: typeof import("../spend/route");
  cancel: typeof import("./[id]/cancel/route");
  db: typeof import("@/lib/db/client");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    routes: await import("./route"),
    worker: await import("@/lib/jobs/registry"),
    ws: await import("@/lib/wavespeed"),
    settings: await import("@/lib/team/settings"),
    spend: await import("@/lib/team/spend"),
    spendRoute: await import("../spend/route"),
    cancel: await import("./[id]/cancel/route"),
    db: await import("@/lib/db/client"),
  };
  ({ cookie, id: userId } = await signedIn("spender@keyframe.test"));
});
afterAll(() => sim.close());
afterEach(async () => {
  await m.worker.getWorker()?.stop();
  m.worker.setWorker(undefined);
  const { db, t } = await m.db.getDb();
  await db.delete(t.ledger);
  await db.delete(t.jobs);
  await db.delete(t.idempotencyKeys);
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

function post(fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const body = jobForm({ prompt: "A cap test", ...fields });
  return m.routes.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body, headers: { cookie, ...headers } }));
}

async function startWorker(client = m.ws.wavespeed()) {
  await testWorker({ pollMaxMs: 300, submitConcurrency: 4 }, client);
}

async function ledgerRows() {
  const { db, t } = await m.db.getDb();
  return db.select().from(t.ledger);
}

describe("spend caps", () => {
  test("twenty simultaneous submits against a cap with room for three start exactly three", async () => {
    await teamSettings({ teamDailyCapUsd: 0.096 }); // three 2 s videos at $0.032
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
    const summary = await m.spend.spendSummary(userId, await m.settings.getTeamSettings());
    expect(summary.team.today).toBe(96_000);
    expect(summary.me.today).toBe(96_000);
  });

  test("a per-member monthly cap names itself and what is left", async () => {
    await teamSettings({ memberMonthlyCapUsd: 0.1 });
    expect((await post({ duration: "5" })).status).toBe(201); // $0.08
    const res = await post({ duration: "2" }); // $0.032 > $0.02 left
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/your monthly cap of \$0\.10?: \$0\.02 is left/);
  });

  test("a job WaveSpeed refuses before accepting it releases its reservation", async () => {
    await teamSettings({ teamDailyCapUsd: 0.032 });
    expect((await post()).status).toBe(201);
    // A definite 4xx (a refused key is not one: that job waits for the key, see lib/jobs/worker.test.ts).
    await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: "submit:404" });
    await startWorker();
    await until(async () => ((await ledgerRows())[0]?.state === "released" ? true : undefined), 10_000);
    expect((await m.spend.spendSummary(userId, await m.settings.getTeamSettings())).team.today).toBe(0);
    await m.worker.getWorker()?.stop();
    expect((await post()).status).toBe(201);
  });
});

describe("double spend", () => {
  test("the same submission sent twice with one idempotency key makes one job and one upstream submit", async () => {
    await teamSettings({});
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

  test("an idempotency key sent again with a different request is refused with 422, making nothing", async () => {
    await teamSettings({});
    const key = "form-submission-2";
    const first = await post({ prompt: "The first request" }, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const other = await post({ prompt: "A different request" }, { "idempotency-key": key });
    expect(other.status).toBe(422);
    const body = (await other.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("idempotency_mismatch");
    expect(body.error.message).toMatch(/already used for a different request/);
    expect(await ledgerRows()).toHaveLength(1);
    // The same request again still answers the first one's jobs.
    const again = await post({ prompt: "The first request" }, { "idempotency-key": key });
    expect(again.status).toBe(200);
  });

  test("the same inputs with a fixed seed within a day ask first; confirming pays again", async () => {
    await teamSettings({});
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
    await teamSettings({ submitsPerMinute: 2 });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const third = await post();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await ledgerRows()).toHaveLength(2);
  });
});

type SpendAnswer = {
  spend: { me: { today: number }; team: { today: number }; failed: { me: { today: number }; team: { today: number } } };
  caps: { key: string; label: string; limitMicros: number; spentMicros: number; leftMicros: number; resetsAt: string }[];
  billsFailedTasks: boolean;
};
const spendNow = async () =>
  (await (await m.spendRoute.GET(new Request("http://keyframe.test/api/spend", { headers: { cookie } }))).json()) as SpendAnswer;

describe("what a member sees before pressing Generate", () => {
  test("GET /api/spend lists every cap that is set with what is left", async () => {
    await teamSettings({ teamDailyCapUsd: 0.1, memberMonthlyCapUsd: 0.05 });
    expect((await post()).status).toBe(201); // $0.032
    const { caps } = await spendNow();
    expect(caps.map((c) => [c.key, c.limitMicros, c.spentMicros, c.leftMicros])).toEqual([
      ["memberMonthly", 50_000, 32_000, 18_000],
      ["teamDaily", 100_000, 32_000, 68_000],
    ]);
    expect(Date.parse(caps[1]!.resetsAt)).toBeGreaterThan(Date.now());
  });
});

describe("cancelling a queued job", () => {
  const cancel = (id: string) =>
    m.cancel.POST(new Request(`http://keyframe.test/api/jobs/${id}/cancel`, { method: "POST", headers: { cookie } }), {
      params: Promise.resolve({ id }),
    });

  test("a job not yet sent is withdrawn, its reservation released, and it is never submitted", async () => {
    await teamSettings({ teamDailyCapUsd: 0.032 });
    const created = (await (await post()).json()) as { jobs: { id: string }[] };
    const id = created.jobs[0]!.id;
    expect((await post()).status).toBe(403); // the cap is full while it waits
    const res = await cancel(id);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("cancelled");
    expect((await ledgerRows())[0]?.state).toBe("released");
    expect((await spendNow()).spend.team.today).toBe(0);
    await startWorker();
    expect((await post()).status).toBe(201); // the room is back
    await until(async () => sim.stats.submits >= 1 || undefined, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(sim.stats.submitRequests).toBe(1);
    expect(((await cancel(id).then((r) => r.json())) as { error: { code: string } }).error.code).toBe("conflict");
  });

  test("a job already sent to WaveSpeed cannot be cancelled", async () => {
    await teamSettings({});
    await startWorker();
    const id = ((await (await post()).json()) as { jobs: { id: string }[] }).jobs[0]!.id;
    await until(async () => sim.stats.submits >= 1 || undefined, 10_000);
    const res = await cancel(id);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/already been sent to WaveSpeed/);
  });
});

describe("failed takes", () => {
  test("a take WaveSpeed fails is shown apart, and counts against caps only while failed tasks are billed", async () => {
    await teamSettings({ teamDailyCapUsd: 0.064 });
    await startWorker();
    expect((await post({ prompt: "A failing take [sim:fail]" })).status).toBe(201);
    await until(async () => ((await ledgerRows())[0]?.failed ? true : undefined), 10_000);
    let answer = await spendNow();
    expect(answer.billsFailedTasks).toBe(true);
    expect(answer.spend.team.today).toBe(32_000);
    expect(answer.spend.failed.team.today).toBe(32_000);
    expect(answer.caps[0]?.leftMicros).toBe(32_000);

    await teamSettings({ teamDailyCapUsd: 0.064, billsFailedTasks: false });
    answer = await spendNow();
    expect(answer.spend.team.today).toBe(0);
    expect(answer.spend.failed.team.today).toBe(32_000);
    expect(answer.caps[0]?.leftMicros).toBe(64_000);
    expect((await post({ duration: "4" })).status).toBe(201); // $0.064 fits only when the failed take does not count
    // The admin's ledger shows the failed take apart, per member.
    const [mine] = await m.spend.memberLedger(await m.settings.getTeamSettings());
    expect(mine).toMatchObject({ userId, month: 64_000, failedMonth: 32_000 });
  });
});
