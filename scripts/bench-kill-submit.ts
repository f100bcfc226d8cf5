/**
 * kill -9 mid-submit, over real HTTP: N takes are sent to a simulator that makes each task at once and
 * answers 8 s later; Keyframe is SIGKILLed while every submit is on the wire, then started again on the same
 * data. Counts the takes left "unknown" right after the restart (what Keyframe used to leave for good) and
 * once lost submits are settled against WaveSpeed's history. Needs a build. Usage: npx tsx scripts/bench-kill-submit.ts [n=4]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { jobForm } from "@/lib/test/job-form";
import { liftLimits, liveEnv, sleep, startApp, startSim } from "./bench/kit";

const n = Number(process.argv[2] ?? 4);
const base = Number(process.env.E2E_PORT_BASE ?? 3440) + 60;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-kill-"));
const sim = await startSim(base + 5, { SIM_DELAY_MS: "1000", SIM_FAULTS: "submit:late8x*" });
const env = { ...liveEnv(sim), DATA_DIR: dataDir, SUBMIT_CONCURRENCY: "8", SETTLE_AFTER_MS: "20000", POLL_EXPECT_MS: "1000" };

type Page = { jobs: { id: string; status: string; copyStatus?: string }[] };
const statuses = async (url: string, cookie: string) => {
  const page = (await (await fetch(`${url}/api/jobs?limit=50`, { headers: { cookie } })).json()) as Page;
  const counts: Record<string, number> = {};
  for (const j of page.jobs) counts[j.status] = (counts[j.status] ?? 0) + 1;
  return counts;
};

async function settlementStates(url: string, cookie: string) {
  const page = (await (await fetch(`${url}/api/jobs?limit=50`, { headers: { cookie } })).json()) as Page;
  const counts: Record<string, number> = {};
  for (const j of page.jobs.filter((x) => x.status === "unknown")) {
    const res = await fetch(`${url}/api/admin/jobs/${j.id}/settlement`, { headers: { cookie } });
    const state = res.ok ? ((await res.json()) as { state: string }).state : `http ${res.status}`;
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}

const first = await startApp({ dir: ".", label: "before the kill" }, base, env);
await liftLimits(first);
for (let i = 0; i < n; i++) {
  const res = await fetch(`${first.url}/api/jobs`, {
    method: "POST",
    body: jobForm({ prompt: `kill test ${i}` }),
    headers: { cookie: first.cookie },
  });
  if (res.status !== 201) throw new Error(`submit ${i}: ${res.status} ${await res.text()}`);
}
for (let waited = 0; (await sim.stats<{ submits: number }>()).submits < n; waited += 100) {
  if (waited > 30_000) throw new Error("the simulator never got every submit");
  await sleep(100);
}
process.kill(first.pid, "SIGKILL");
console.log(`SIGKILLed Keyframe with ${n} submits on the wire (each task made upstream)`);
await sleep(500);

const second = await startApp({ dir: ".", label: "after the kill" }, base, env);
const right = await statuses(second.url, second.cookie);
console.log("right after the restart:", right);
let after = right;
for (let waited = 0; waited < 60_000; waited += 1000) {
  after = await statuses(second.url, second.cookie);
  const waiting = await settlementStates(second.url, second.cookie);
  if (!after.submitted && !after.processing && !after.submitting && !waiting.pending) break;
  await sleep(1000);
}
console.log("once settled:", after, "settlements of the takes still unknown:", await settlementStates(second.url, second.cookie));
console.log(`unknown before settling: ${right.unknown ?? 0} of ${n}; after: ${after.unknown ?? 0} of ${n}`);
await second.stop();
await sim.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
