/**
 * A day of simulator jobs reconciled with WaveSpeed's books, over real HTTP against a production build:
 * plain takes, failures (refunded), lost answers (the task made, settled from history), lost submits that
 * made nothing, and tasks made on the key outside Keyframe. Pulls billing on demand and prints the ledger's
 * matched / unmatched / other use, and whether the CSV adds up. Usage: npx tsx scripts/bench-reconcile.ts
 */
import { jobForm } from "@/lib/test/job-form";
import { makePng } from "@/lib/test/png";
import { liftLimits, liveEnv, SIM_KEY, sleep, startApp, startSim } from "./bench/kit";

const base = Number(process.env.E2E_PORT_BASE ?? 3440) + 64;
const sim = await startSim(base + 5, { SIM_DELAY_MS: "800" });
const app = await startApp({ dir: ".", label: "reconcile" }, base, { ...liveEnv(sim), SETTLE_AFTER_MS: "5000", POLL_EXPECT_MS: "800" });
await liftLimits(app);
const mix = [
  ...Array.from({ length: 12 }, (_, i) => `plain take ${i}`),
  ...Array.from({ length: 3 }, (_, i) => `failing take ${i} [sim:fail]`),
  "answer lost [sim:malformed]",
  "made nothing [sim:500]",
];
for (const prompt of mix) {
  const res = await fetch(`${app.url}/api/jobs`, { method: "POST", body: jobForm({ prompt }), headers: { cookie: app.cookie } });
  if (res.status !== 201) throw new Error(`${prompt}: ${res.status} ${await res.text()}`);
  await sleep(1500); // apart, so a lost answer's window holds one task
}
const image = `data:image/png;base64,${makePng(400, 400).toString("base64")}`;
for (let i = 0; i < 2; i++) {
  await fetch(`${sim.url}/api/v3/bytedance/seedance-v1-lite-i2v-480p`, {
    method: "POST",
    headers: { authorization: `Bearer ${SIM_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ image, prompt: `made in WaveSpeed's web UI ${i}`, duration: 5 }),
  });
}
type Page = { jobs: { status: string }[] };
for (let waited = 0; waited < 90_000; waited += 1000) {
  const page = (await (await fetch(`${app.url}/api/jobs?limit=50`, { headers: { cookie: app.cookie } })).json()) as Page;
  if (page.jobs.every((j) => ["completed", "failed", "cancelled"].includes(j.status))) break;
  await sleep(1000);
}
await sleep(2000);
const pull = await fetch(`${app.url}/api/admin/billing/pull`, { method: "POST", headers: { cookie: app.cookie } });
console.log("pull:", pull.status, await pull.text());
const ledger = (await (await fetch(`${app.url}/api/admin/ledger`, { headers: { cookie: app.cookie } })).json()) as {
  rows: {
    status: string;
    chargeMicros: number | null;
    refundMicros: number | null;
    countedMicros: number;
    quoteMicros: number;
    flagged: boolean;
  }[];
  totalMicros: number;
  otherUse: unknown[];
  otherUseMicros: number;
  matched: number;
  unmatched: number;
};
const csv = await (await fetch(`${app.url}/api/admin/ledger?format=csv`, { headers: { cookie: app.cookie } })).text();
const lines = csv.trim().split("\r\n");
const csvTotal = lines.slice(1, -1).reduce((s, l) => s + Math.round(Number(JSON.parse(`[${l}]`)[7]) * 1e6), 0);
const by = (status: string) => ledger.rows.filter((r) => r.status === status).length;
console.log(
  JSON.stringify(
    {
      takes: ledger.rows.length,
      completed: by("completed"),
      failed: by("failed"),
      unknown: by("unknown"),
      chargesMatched: ledger.matched,
      unmatchedStillCounted: ledger.unmatched,
      refunded: ledger.rows.filter((r) => (r.refundMicros ?? 0) > 0).length,
      flagged: ledger.rows.filter((r) => r.flagged).length,
      otherUseItems: ledger.otherUse.length,
      otherUseUsd: ledger.otherUseMicros / 1e6,
      ledgerTotalUsd: ledger.totalMicros / 1e6,
      csvTotalUsd: csvTotal / 1e6,
      quotesTotalUsd: ledger.rows.reduce((s, r) => s + r.quoteMicros, 0) / 1e6,
    },
    null,
    2,
  ),
);
await app.stop();
await sim.stop();
