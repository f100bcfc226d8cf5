/**
 * Time from WaveSpeed finishing a job to a playable copy in Keyframe's storage, split into the poll
 * lag (until Keyframe notices) and the copy itself (download, poster, last frame).
 * Needs a build (`npm run build`) and ffmpeg. Usage: npm run bench:copy -- [jobs=5] [durationS=5]
 */
import { benchJobForm, median, sleep, startBenchApp } from "./bench-kit";

const jobs = Number(process.argv[2] ?? 5);
const duration = Number(process.argv[3] ?? 5);
const { app, sim, cookie, stop } = await startBenchApp({ port: 3420, env: { SIMULATOR_DELAY_MS: "4000" } });

async function one(n: number) {
  const prompt = `bench copy ${n} ${Date.now()}`;
  const body = benchJobForm({ prompt, duration: String(duration), aspectRatio: "16:9", seed: String(n) });
  const created = (await (await fetch(`${app}/api/jobs`, { method: "POST", body, headers: { cookie } })).json()) as {
    jobs: { id: string }[];
  };
  const id = created.jobs[0]!.id;
  let taskId: string | undefined;
  let upstreamAt = 0;
  let noticedAt = 0;
  for (;;) {
    const now = Date.now();
    if (!taskId) {
      const stats = (await (await fetch(`${sim}/__sim/stats`)).json()) as { received: { prompt: string; taskId: string }[] };
      taskId = stats.received.find((r) => r.prompt === prompt)?.taskId;
    } else if (!upstreamAt) {
      const res = (await (
        await fetch(`${sim}/api/v3/predictions/${taskId}/result`, { headers: { Authorization: "Bearer keyframe-simulator" } })
      ).json()) as { data: { status: string } };
      if (res.data.status === "completed") upstreamAt = now;
    }
    const job = (await (await fetch(`${app}/api/jobs/${id}`, { headers: { cookie } })).json()) as {
      status: string;
      video: { stored: boolean } | null;
    };
    if (job.status === "completed" && !noticedAt) noticedAt = now;
    if (job.video?.stored) {
      const head = await fetch(`${app}/media/videos/${id}.mp4`, { headers: { Range: "bytes=0-99", cookie } });
      if (head.status !== 206) throw new Error(`copy not playable: ${head.status}`);
      return { lag: noticedAt - upstreamAt, copy: now - noticedAt, total: now - upstreamAt };
    }
    if (job.status === "failed") throw new Error("job failed");
    await sleep(50);
  }
}

try {
  console.log(`${jobs} jobs of ${duration} s at 16:9, one at a time (default poll bounds 2-10 s; simulated generation 4 s)`);
  console.log("job  upstream done -> Keyframe notices ms  notices -> playable copy ms  total ms");
  const results: Awaited<ReturnType<typeof one>>[] = [];
  for (let i = 0; i < jobs; i++) {
    const r = await one(i);
    results.push(r);
    console.log(`${String(i + 1).padEnd(4)} ${String(r.lag).padEnd(36)} ${String(r.copy).padEnd(28)} ${r.total}`);
  }
  const m = (k: "lag" | "copy" | "total") => median(results.map((r) => r[k]));
  console.log(`median: poll lag ${m("lag")} ms, copy ${m("copy")} ms, upstream done to playable copy ${m("total")} ms`);
} finally {
  await stop();
}
