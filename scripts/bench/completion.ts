/**
 * Completion to visible: simulated Seedance jobs of 20-120 s (longer videos take longer, ±10%), each job's
 * delay from WaveSpeed finishing it (the simulator's clock) to GET /api/jobs reporting it, and the result
 * GETs it cost. With polling only (after a warm-up round the install learns from), or with webhooks.
 */
import { jobForm } from "@/lib/test/job-form";
import { liftLimits, liveEnv, percentile, sleep, startApp, startSim, type Target } from "./kit";

const DURATIONS = [2, 5, 8, 12];
type Stats = {
  received: { prompt: string; taskId: string }[];
  resultGets: Record<string, number>;
  finishedAt: Record<string, number | null>;
};
type Listed = { jobs: { prompt: string; status: string }[] };

export type Completion = { lagMs: number[]; gets: number[] };

export async function completion(target: Target, port: number, webhooks: boolean): Promise<Completion> {
  // No rendering: WaveSpeed renders on its own machines; here 16 ffmpeg runs would starve the server timed.
  const sim = await startSim(port + 5, { SIM_DELAY_MS: "2000", SIM_DELAY_PER_SECOND_MS: "9500", SIM_DELAY_JITTER: "0.1", SIM_RENDER: "0" });
  const appUrl = `http://127.0.0.1:${port}`;
  const app = await startApp(target, port, { ...liveEnv(sim), SUBMIT_CONCURRENCY: "16", ...(webhooks ? { WEBHOOK_URL: appUrl } : {}) });
  try {
    await liftLimits(app);
    const submit = (prompt: string, duration: number) =>
      fetch(`${app.url}/api/jobs`, {
        method: "POST",
        headers: { cookie: app.cookie },
        body: jobForm({ prompt, duration: String(duration) }),
      });
    const seen = new Map<string, number>();
    const watch = async (prompts: string[]) => {
      while (prompts.some((p) => !seen.has(p))) {
        const listed = (await (await fetch(`${app.url}/api/jobs?limit=100`, { headers: { cookie: app.cookie } })).json()) as Listed;
        for (const job of listed.jobs) if (job.status === "completed" && !seen.has(job.prompt)) seen.set(job.prompt, Date.now());
        await sleep(100);
      }
    };
    if (!webhooks) {
      // An install that has run jobs before (three of each length): the first round teaches the schedule.
      const warm = DURATIONS.flatMap((d) => [`warm-up ${d}s a`, `warm-up ${d}s b`, `warm-up ${d}s c`]);
      await Promise.all(warm.map((p) => submit(p, Number(/(\d+)s/.exec(p)![1]))));
      await watch(warm);
    }
    const measured = DURATIONS.flatMap((d) => ["a", "b", "c", "d"].map((x) => `measured ${d}s ${x}`));
    await Promise.all(measured.map((p) => submit(p, Number(/(\d+)s/.exec(p)![1]))));
    await watch(measured);
    const stats = await sim.stats<Stats>();
    const lagMs: number[] = [];
    const gets: number[] = [];
    for (const prompt of [...seen.keys()].filter((p) => p.startsWith("warm-up"))) {
      const task = stats.received.find((r) => r.prompt === prompt)!.taskId;
      console.error(
        `[bench]   ${prompt}: seen ${seen.get(prompt)! - (stats.finishedAt[task] ?? NaN)} ms after it finished, ${stats.resultGets[task] ?? 0} result GETs`,
      );
    }
    for (const prompt of measured) {
      const task = stats.received.find((r) => r.prompt === prompt)!.taskId;
      lagMs.push(seen.get(prompt)! - (stats.finishedAt[task] ?? NaN));
      gets.push(stats.resultGets[task] ?? 0);
      console.error(`[bench]   ${prompt}: seen ${lagMs.at(-1)} ms after it finished, ${gets.at(-1)} result GETs`);
    }
    return { lagMs, gets };
  } finally {
    await app.stop();
    await sim.stop();
  }
}

export const summarize = (c: Completion) => ({
  p50: percentile(c.lagMs, 0.5),
  p95: percentile(c.lagMs, 0.95),
  gets: c.gets.reduce((a, b) => a + b, 0) / c.gets.length,
  maxGets: Math.max(...c.gets),
});
