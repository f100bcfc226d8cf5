/**
 * What a long export costs the server and the host: a fresh Keyframe (this checkout, or the built checkout
 * in BENCH_DIR), a few `seconds`-long takes from the simulator, and boards of `shots` shots cycling through
 * them. Each board is exported `runs` times; per run it prints the peak RSS of any one ffmpeg the export
 * started (VmHWM from /proc, polled in a worker thread), how many ffmpeg/ffprobe ran at once, and the
 * slowest `/api/health` and gallery `GET /api/jobs` (each asked back to back) in the first `startS`
 * seconds after the export request and over the whole export, beside the same with no export for `startS`
 * seconds just before (what the shared machine gives anyway); then the medians.
 * `npm run bench:film-load -- [runs=3] [seconds=12] [startS=20] [shots=10,100]`.
 */
import { Worker } from "node:worker_threads";
import { median, sleep, startApp } from "./bench/kit";
import { api, saved, type Board } from "./film-kit";
import { jobForm } from "@/lib/test/job-form";

const [runsArg, secondsArg, startArg, shotsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const seconds = Number(secondsArg ?? 12);
const startS = Number(startArg ?? 20);
const sizes = (shotsArg ?? "10,100").split(",").map(Number);
const dir = process.env.BENCH_DIR ?? ".";
type Film = { id: string; status: string; error: string | null; durationS: number | null };
type Sample = { at: number; ms: number };

/** Every process whose command line names this app's data folder: ffmpeg's peak RSS and how many ran at once. */
const PROC_WATCH = `
const { workerData, parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const peaks = new Map();
let concurrent = 0;
let probes = new Set();
let stop = false;
parentPort.on("message", () => (stop = true));
(async function loop() {
  while (!stop) {
    let now = 0;
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\\d+$/.test(pid)) continue;
      let cmd;
      try { cmd = fs.readFileSync("/proc/" + pid + "/cmdline", "utf8"); } catch { continue; }
      if (!cmd.includes(workerData.needle)) continue;
      const exe = cmd.split("\\0")[0];
      if (exe.endsWith("ffprobe")) { probes.add(pid); now++; continue; }
      if (!exe.endsWith("ffmpeg")) continue;
      now++;
      try {
        const hwm = /VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync("/proc/" + pid + "/status", "utf8"));
        if (hwm) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(hwm[1])));
      } catch {}
    }
    concurrent = Math.max(concurrent, now);
    await new Promise((r) => setTimeout(r, 25));
  }
  parentPort.postMessage({ peakKb: Math.max(0, ...peaks.values()), ffmpegs: peaks.size, probes: probes.size, concurrent });
})();
`;

type Watch = { peakKb: number; ffmpegs: number; probes: number; concurrent: number };

function watchProcesses(needle: string): () => Promise<Watch> {
  const worker = new Worker(PROC_WATCH, { eval: true, workerData: { needle } });
  return () =>
    new Promise((resolve) => {
      worker.once("message", (m: Watch) => void worker.terminate().then(() => resolve(m)));
      worker.postMessage("stop");
    });
}

/** `path` asked again as soon as it answers, until stopped: when each request started and how long it took. */
function hammer(url: string, cookie: string): () => Promise<Sample[]> {
  const samples: Sample[] = [];
  let stop = false;
  const done = (async () => {
    while (!stop) {
      const at = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      await res.arrayBuffer();
      samples.push({ at, ms: performance.now() - at });
      await sleep(20);
    }
  })();
  return async () => {
    stop = true;
    await done;
    return samples;
  };
}

const slowest = (xs: Sample[], until = Infinity) => Math.max(0, ...xs.filter((s) => s.at < until).map((s) => s.ms));

const app = await startApp({ dir, label: dir }, Number(process.env.BENCH_PORT ?? 5400), { SIMULATOR_DELAY_MS: "500" });
try {
  const form = jobForm(
    { prompt: "A slow push-in on a harbour at dusk", duration: String(seconds), aspectRatio: "16:9", variations: "4" },
    { width: 864, height: 480, tint: [40, 90, 160] },
  );
  const res = await fetch(`${app.url}/api/jobs`, { method: "POST", body: form, headers: { cookie: app.cookie, origin: app.url } });
  const takes = ((await res.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
  await Promise.all(takes.map((id) => saved(app, id)));

  const table: string[] = [];
  for (const shots of sizes) {
    const board = await api<Board>(app, "/api/storyboards", "POST", { name: `${shots} shots`, jobIds: [takes[0]] });
    for (let i = 1; i < shots; i++) await api(app, `/api/storyboards/${board.id}/shots`, "POST", { jobId: takes[i % takes.length] });
    const peaks: number[] = [];
    const startWorst: number[] = [];
    const jobsStartWorst: number[] = [];
    const wholeWorst: number[] = [];
    const times: number[] = [];
    const idleWorst: number[] = [];
    for (let run = 0; run < runs; run++) {
      await sleep(1000);
      const [idleHealth, idleGallery] = [hammer(`${app.url}/api/health`, app.cookie), hammer(`${app.url}/api/jobs?limit=60`, app.cookie)];
      await sleep(startS * 1000);
      idleWorst.push(Math.max(slowest(await idleHealth()), slowest(await idleGallery())));
      const watch = watchProcesses(app.dataDir);
      const health = hammer(`${app.url}/api/health`, app.cookie);
      const gallery = hammer(`${app.url}/api/jobs?limit=60`, app.cookie);
      const started = performance.now();
      const queued = await api<Film>(app, `/api/storyboards/${board.id}/export`, "POST");
      for (;;) {
        const film = (await api<{ films: Film[] }>(app, `/api/storyboards/${board.id}`)).films.find((f) => f.id === queued.id);
        if (film?.status === "failed") throw new Error(film.error ?? "export failed");
        if (film?.status === "done") break;
        await sleep(250);
      }
      times.push((performance.now() - started) / 1000);
      const [h, g, w] = await Promise.all([health(), gallery(), watch()]);
      const windowEnd = started + startS * 1000;
      peaks.push(w.peakKb / 1024);
      startWorst.push(slowest(h, windowEnd));
      jobsStartWorst.push(slowest(g, windowEnd));
      wholeWorst.push(Math.max(slowest(h), slowest(g)));
      console.log(
        `${shots} shots × ${seconds} s, run ${run + 1}: ${times.at(-1)!.toFixed(1)} s to a stored film; ffmpeg peak RSS ${(w.peakKb / 1024).toFixed(0)} MB ` +
          `(${w.ffmpegs} ffmpeg, ${w.probes} ffprobe, at most ${w.concurrent} at once); slowest in the first ${startS} s: ` +
          `health ${startWorst.at(-1)!.toFixed(0)} ms (${h.filter((s) => s.at < windowEnd).length} asked), ` +
          `GET /api/jobs ${jobsStartWorst.at(-1)!.toFixed(0)} ms; slowest over the whole export ${wholeWorst.at(-1)!.toFixed(0)} ms; ` +
          `with no export ${idleWorst.at(-1)!.toFixed(0)} ms`,
      );
    }
    table.push(
      `${String(shots).padStart(3)} shots × ${seconds} s: peak ffmpeg RSS ${median(peaks).toFixed(0)} MB; ` +
        `slowest health ${median(startWorst).toFixed(0)} ms, GET /api/jobs ${median(jobsStartWorst).toFixed(0)} ms in the first ${startS} s; ` +
        `slowest over the export ${median(wholeWorst).toFixed(0)} ms (${median(idleWorst).toFixed(0)} ms with no export); export ${median(times).toFixed(1)} s`,
    );
  }
  console.log(`\nmedians over ${runs} runs (${dir}):`);
  for (const line of table) console.log(line);
} finally {
  await app.stop();
}
