/**
 * 200 people (10 members, so 10 sessions) polling a gallery of 5,000 jobs every 1.5 s, revalidating as a
 * browser does (ETag / If-None-Match), while a teammate starts a job: request latency, errors, how soon each
 * poller saw the new job, and the server's CPU time per request while nothing changes (from /proc, so Linux
 * only): what a 304 costs. The server is warmed up first with 3,000 such polls.
 */
import { jobForm } from "@/lib/test/job-form";
import { cpuMs, liftLimits, liveEnv, memberCookies, percentile, sleep, startApp, startSim, type Target } from "./kit";
import { freshPgDatabase, MEDIA, seedPg, seedSqlite } from "./seed";

const POLLERS = 200;
const SESSIONS = 10;
const JOBS = 5000;
const EVERY_MS = 1500;
const RUN_MS = 30_000;
const NEW_JOB_AT_MS = 12_000;
const WARM_UP = 3000;

type Job = { id: string; prompt: string };
type Answer = { jobs: Job[]; version?: string };

export type PollerFigures = {
  p50: number;
  p95: number;
  max: number;
  errors: number;
  requests: number;
  notModified: number;
  /**
   * Server CPU (user + system) from when every poller has its ETag to the teammate's new job (a window where
   * nothing changes), divided by the requests answered in it; and how many of those were 304s.
   */
  cpuMsPerRequest: number;
  quietRequests: number;
  quietNotModified: number;
  /** Server CPU over the window's wall time: 1 is one core busy throughout. */
  busy: number;
  seenWithinOnePoll: number;
  seenP95: number;
};

/** `pgAdminUrl`: on PostgreSQL (a fresh database there) instead of the embedded SQLite. */
export async function pollers(target: Target, port: number, pgAdminUrl?: string): Promise<PollerFigures> {
  const sim = await startSim(port + 5, { SIM_DELAY_MS: "60000" });
  const database = pgAdminUrl ? await freshPgDatabase(pgAdminUrl, "bench_pollers") : undefined;
  const app = await startApp(target, port, { ...liveEnv(sim), ...(database ? { DATABASE_URL: database } : {}) });
  const latencies: number[] = [];
  let errors = 0;
  let notModified = 0;
  try {
    await liftLimits(app);
    if (database) await seedPg(database, JOBS, MEDIA);
    else await seedSqlite(app.dataDir, JOBS, MEDIA);
    const cookies = [app.cookie, ...(await memberCookies(app, SESSIONS - 1))];
    const first = (await (await fetch(`${app.url}/api/jobs?limit=24`, { headers: { cookie: app.cookie } })).json()) as { version?: string };
    const changesApi = typeof first.version === "string";
    const urlOf = (since: string | undefined) =>
      changesApi ? `${app.url}/api/jobs/changes?since=${since}` : `${app.url}/api/jobs?limit=24`;
    // A server that has been up a while: its routes loaded and its code compiled by V8's optimizing JIT (the
    // first thousand requests or so cost about half as much again), before the clock starts.
    const tags = new Map<string, string | null>();
    for (const cookie of cookies) {
      const res = await fetch(urlOf(first.version), { headers: { cookie } });
      tags.set(cookie, res.headers.get("etag"));
      await res.arrayBuffer();
    }
    await Promise.all(
      Array.from({ length: 8 }, async (_, k) => {
        for (let i = k; i < WARM_UP; i += 8) {
          const cookie = cookies[i % SESSIONS]!;
          const tag = tags.get(cookie);
          await (await fetch(urlOf(first.version), { headers: { cookie, ...(tag ? { "if-none-match": tag } : {}) } })).arrayBuffer();
        }
      }),
    );
    const marker = `A teammate's new take ${Date.now()}`;
    let createdAt = Infinity;
    const seen: number[] = [];

    const poller = async (n: number) => {
      await sleep((n * EVERY_MS) / POLLERS);
      const cookie = cookies[n % SESSIONS]!;
      let since = first.version;
      let etag: string | null = null;
      let body: Answer | null = null;
      let saw = false;
      const end = Date.now() + RUN_MS;
      while (Date.now() < end) {
        const started = performance.now();
        try {
          const res: Response = await fetch(urlOf(since), { headers: { cookie, ...(etag ? { "if-none-match": etag } : {}) } });
          if (res.status === 200) {
            body = (await res.json()) as Answer;
            etag = res.headers.get("etag");
            if (changesApi && body?.version) since = body.version;
          } else if (res.status === 304) {
            notModified += 1;
            await res.arrayBuffer();
          } else {
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
    const snapshot = () => ({ cpu: cpuMs(app.pid), at: performance.now(), requests: latencies.length, notModified });
    const start = snapshot();
    const quiet = (async () => {
      await sleep(2 * EVERY_MS);
      const from = snapshot();
      await sleep(NEW_JOB_AT_MS - 2 * EVERY_MS - 100);
      const to = snapshot();
      return { cpu: to.cpu - from.cpu, requests: to.requests - from.requests, notModified: to.notModified - from.notModified };
    })();
    await Promise.all([...Array.from({ length: POLLERS }, (_, n) => poller(n)), teammate]);
    const end = snapshot();
    const window = await quiet;
    return {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      max: Math.max(...latencies),
      errors,
      requests: latencies.length,
      notModified,
      cpuMsPerRequest: window.cpu / Math.max(1, window.requests),
      quietRequests: window.requests,
      quietNotModified: window.notModified,
      busy: (end.cpu - start.cpu) / (end.at - start.at),
      seenWithinOnePoll: seen.filter((ms) => ms <= EVERY_MS + 200).length / POLLERS,
      seenP95: percentile(seen, 0.95),
    };
  } finally {
    await app.stop();
    await sim.stop();
  }
}
