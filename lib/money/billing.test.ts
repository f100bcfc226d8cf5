import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, TEST_KEY, TEST_USER, testWorker, until } from "@/lib/test/app";
import { makePng } from "@/lib/test/png";
import { call } from "@/lib/test/routes";

let sim: Simulator;
let worker: import("@/lib/jobs/worker").JobWorker | undefined;
let m: {
  create: typeof import("@/lib/jobs/create");
  jobs: typeof import("@/lib/db/queries/jobs");
  schema: typeof import("@/lib/validations/generate");
  defaults: typeof import("@/lib/validations/generate-defaults");
  ledger: typeof import("@/lib/db/queries/ledger");
  billing: typeof import("./billing");
  ws: typeof import("@/lib/wavespeed");
  settings: typeof import("@/lib/team/settings");
  ledgerRoute: typeof import("@/app/api/admin/ledger/route");
  pullRoute: typeof import("@/app/api/admin/billing/pull/route");
  reportsRoute: typeof import("@/app/api/admin/reports/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    create: await import("@/lib/jobs/create"),
    jobs: await import("@/lib/db/queries/jobs"),
    schema: await import("@/lib/validations/generate"),
    defaults: await import("@/lib/validations/generate-defaults"),
    ledger: await import("@/lib/db/queries/ledger"),
    billing: await import("./billing"),
    ws: await import("@/lib/wavespeed"),
    settings: await import("@/lib/team/settings"),
    ledgerRoute: await import("@/app/api/admin/ledger/route"),
    pullRoute: await import("@/app/api/admin/billing/pull/route"),
    reportsRoute: await import("@/app/api/admin/reports/route"),
  };
});
afterAll(() => sim.close());
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
});

async function finishedJob(prompt: string) {
  const request = await m.schema.generateSchema.parseAsync({
    ...m.defaults.GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(400, 400))], "a.png"),
    prompt,
    duration: 2,
  });
  const [job] = (await m.create.createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs;
  return until(async () => {
    const row = await m.jobs.getJob(job!.id);
    return row && ["completed", "failed"].includes(row.status) ? row : undefined;
  });
}

const counted = async () => (await m.ledger.spendTotals(TEST_USER.id, 0, 0, true)).me.today;
const pull = (owner: string) => m.billing.pullBilling(m.ws.wavespeed(), { owner }, true);

describe("the ledger says what WaveSpeed charged", () => {
  test("a refunded failure stops counting once billing is pulled; several instances pulling never double anything", async () => {
    worker = await testWorker();
    const start = await counted();
    const glides = await finishedJob("A swan glides");
    await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: "submit:fail" });
    const failed = await finishedJob("A swan falls");
    expect(failed.status).toBe("failed");
    // Before billing is known, "WaveSpeed bills failed tasks" (the default) counts the failure's quote.
    expect((await counted()) - start).toBe(64_000);

    // Three instances at once: each pulls in turn or finds the lease taken; none adds anything twice.
    const results = await Promise.all([pull("a"), pull("b"), pull("c")]);
    expect(results.some((r) => typeof r === "object")).toBe(true);
    expect(results.every((r) => typeof r === "object" || r === "busy")).toBe(true);
    await pull("d");
    expect((await counted()) - start).toBe(32_000);
    const { getDb } = await import("@/lib/db/client");
    const { db, t } = await getDb();
    // Two deducts and the failure's refund, each kept once.
    expect(await db.select().from(t.billingItems)).toHaveLength(3);
    // Each take says what WaveSpeed charged: the card and GET /api/jobs/{id} carry it.
    const { jobById } = await import("@/lib/jobs/list");
    const seen = async (id: string) => (await jobById(id, "http://keyframe.test", TEST_USER)).billing;
    expect(await seen(glides.id)).toEqual({ chargeMicros: 32_000, refundMicros: 0, netMicros: 32_000, label: "charged $0.032" });
    expect(await seen(failed.id)).toEqual({ chargeMicros: 32_000, refundMicros: 32_000, netMicros: 0, label: "refunded" });
  });

  test("with WaveSpeed billing failed tasks, a failure keeps counting even when the team says failures are free", async () => {
    await m.settings.saveTeamSettings({ ...(await m.settings.getTeamSettings()), billsFailedTasks: false });
    await fetch(`${sim.url}/__sim/billing`, { method: "POST", body: "bill-failed" });
    worker = await testWorker();
    const before = (await m.ledger.spendTotals(TEST_USER.id, 0, 0, false)).me.today;
    await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: "submit:fail" });
    await finishedJob("A kite tears");
    // The ledger marks it failed just after the job's row says so.
    await until(async () => (await m.ledger.spendTotals(TEST_USER.id, 0, 0, false)).me.today === before);
    await pull("a");
    expect((await m.ledger.spendTotals(TEST_USER.id, 0, 0, false)).me.today - before).toBe(32_000);
    await m.settings.saveTeamSettings({ ...(await m.settings.getTeamSettings()), billsFailedTasks: true });
  });

  test("the CSV adds up to the ledger; other use of the key is shown apart; an admin pulls on demand", async () => {
    const admin = await signedIn("books@keyframe.test");
    const image = `data:image/png;base64,${makePng(400, 400).toString("base64")}`;
    await fetch(`${sim.url}/api/v3/bytedance/seedance-v1-lite-i2v-480p`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ image, prompt: "made in WaveSpeed's web UI", duration: 5 }),
    });
    worker = await testWorker();
    await finishedJob("A tram at night");
    const pulled = await call(m.pullRoute, "POST", { cookie: admin.cookie });
    expect(pulled.status).toBe(200);
    expect(pulled.body).toMatchObject({ state: "pulled" });

    const json = await call<import("./report").LedgerReport>(m.ledgerRoute, "GET", { cookie: admin.cookie, url: "/api/admin/ledger" });
    expect(json.status).toBe(200);
    const report = json.body;
    expect(report.otherUse.map((o) => o.priceMicros)).toEqual([80_000]);
    expect(report.otherUseMicros).toBe(80_000);
    expect(report.unmatched).toBe(0);
    const tram = report.rows.find((r) => r.taskId && r.status === "completed" && r.chargeMicros === 32_000);
    expect(tram).toMatchObject({ quoteMicros: 32_000, refundMicros: 0, flagged: false });

    const csv = await call<string>(m.ledgerRoute, "GET", { cookie: admin.cookie, url: "/api/admin/ledger?format=csv" });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe("when,who,model,duration_s,quote_usd,charge_usd,refund_usd,counted_usd,status,wavespeed_task_id");
    const counted = (line: string) => Number(JSON.parse(`[${line}]`)[7]);
    const sum = lines.slice(1, -1).reduce((s, l) => s + Math.round(counted(l) * 1_000_000), 0);
    expect(lines).toHaveLength(report.rows.length + 2);
    expect(sum).toBe(report.totalMicros);
    expect(Math.round(counted(lines.at(-1)!) * 1_000_000)).toBe(report.totalMicros);

    const reports = await call<import("./reports").SpendReport>(m.reportsRoute, "GET", { cookie: admin.cookie, url: "/api/admin/reports" });
    expect(reports.status).toBe(200);
    const today = reports.body.byDay.at(-1)!;
    expect(reports.body.byDay.reduce((s, d) => s + d.keyframeMicros, 0)).toBe(report.totalMicros);
    expect(reports.body.byMember.reduce((s, r) => s + r.micros, 0)).toBe(report.totalMicros);
    expect(reports.body.byModel).toEqual([
      { model: "bytedance/seedance-v1-lite-i2v-480p", micros: report.totalMicros, takes: expect.any(Number) },
    ]);
    // WaveSpeed's own total for today includes the other use of the key.
    expect(today.wavespeedMicros).toBeGreaterThanOrEqual(80_000);
    expect(reports.body.month.soFarMicros).toBe(report.totalMicros);

    const bad = await call(m.ledgerRoute, "GET", { cookie: admin.cookie, url: "/api/admin/ledger?from=2026-12-09&to=2026-12-01" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { fields: { to: "Must not be before from." } } });
    const member = await signedIn("member-books@keyframe.test", "member");
    expect((await call(m.ledgerRoute, "GET", { cookie: member.cookie, url: "/api/admin/ledger" })).status).toBe(403);
  });
});
