/**
 * 200 people polling the gallery every 1.5 s, revalidating as a browser does (ETag / If-None-Match),
 * while a teammate starts a job: request latency, errors, and how soon each poller saw the new job.
 */
import { jobForm } from "@/lib/test/job-form";
import { liftLimits, liveEnv, percentile, sleep, startApp, startSim, type Target } from "./kit";

const POLLERS = 200;
const EVERY_MS = 1500;
const RUN_MS = 30_000;
const NEW_JOB_AT_MS = 12_000;

type Job = { id: string; prompt: string };
type Answer = { jobs: Job[]; version?: string };

export type PollerFigures = { p50: number; p95: number; errors: number; requests: number; seenWithinOnePoll: number; seenP95: number };

export async function pollers(target: Target, port: number): Promise<PollerFigures> {
  const sim = await startSim(port + 5, { SIM_DELAY_MS: "60000" });
  const app = await startApp(target, port, liveEnv(sim));
  const latencies: number[] = [];
  let errors = 0;
  try {
    await liftLimits(app);
    // A gallery with something in it.
    for (let i = 0; i < 5; i++)
      await fetch(`${app.url}/api/jobs`, {
        method: "POST",
        headers: { cookie: app.cookie },
        body: jobForm({ prompt: `Already here ${i}` }),
      });
    const first = (await (await fetch(`${app.url}/api/jobs?limit=24`, { headers: { cookie: app.cookie } })).json()) as { version?: string };
    const changesApi = typeof first.version === "string";
    const marker = `A teammate's new take ${Date.now()}`;
    let createdAt = Infinity;
    const seen: number[] = [];

    const poller = async (n: number) => {
      await sleep((n * EVERY_MS) / POLLERS);
      let since = first.version;
      let etag: string | null = null;
      let body: Answer | null = null;
      let saw = false;
      const end = Date.now() + RUN_MS;
      while (Date.now() < end) {
        const started = performance.now();
        const url = changesApi ? `${app.url}/api/jobs/changes?since=${since}` : `${app.url}/api/jobs?limit=24`;
        try {
          const res: Response = await fetch(url, { headers: { cookie: app.cookie, ...(etag ? { "if-none-match": etag } : {}) } });
          if (res.status === 200) {
            body = (await res.json()) as Answer;
            etag = res.headers.get("etag");
            if (changesApi && body?.version) since = body.version;
          } else if (res.status === 304) await res.arrayBuffer();
          else {
            errors += 1;
            await res.arrayBuffer();
          }
          latencies.push(performance.now() - started);
          if (!saw && body?.jobs.some((j) => j.prompt === marker)) {
            saw = true;
            seen.push(Date.now() - createdAt);
          }
        } catch {
          errors += 1;
        }
        await sleep(Math.max(0, EVERY_MS - (performance.now() - started)));
      }
    };
    const teammate = (async () => {
      await sleep(NEW_JOB_AT_MS);
      const res = await fetch(`${app.url}/api/jobs`, {
        method: "POST",
        headers: { cookie: app.cookie },
        body: jobForm({ prompt: marker }),
      });
      createdAt = Date.now();
      await res.arrayBuffer();
    })();
    await Promise.all([...Array.from({ length: POLLERS }, (_, n) => poller(n)), teammate]);
    return {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      errors,
      requests: latencies.length,
      seenWithinOnePoll: seen.filter((ms) => ms <= EVERY_MS + 200).length / POLLERS,
      seenP95: percentile(seen, 0.95),
    };
  } finally {
    await app.stop();
    await sim.stop();
  }
}
