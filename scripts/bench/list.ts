/** GET /api/jobs at 5,000 and 50,000 jobs: the first page unfiltered, and with a common and a rare search word. */
import { liveEnv, percentile, sleep, startApp, startSim, type Target } from "./kit";
import { COMMON_WORD, freshPgDatabase, MEDIA, RARE_WORD, seedPg, seedSqlite } from "./seed";

const N = 150;

export type ListFigures = { plain: number; common: number; rare: number };

async function p95(url: string, cookie: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - t);
  }
  return percentile(times, 0.95);
}

/** `pgAdminUrl`: measure on PostgreSQL (a fresh database there) instead of the embedded SQLite. */
export async function listLatency(target: Target, port: number, count: number, pgAdminUrl?: string): Promise<ListFigures> {
  const sim = await startSim(port + 5);
  const database = pgAdminUrl ? await freshPgDatabase(pgAdminUrl, `bench_list_${count}`) : undefined;
  const app = await startApp(target, port, { ...liveEnv(sim), ...(database ? { DATABASE_URL: database } : {}) });
  try {
    if (database) await seedPg(database, count, MEDIA);
    else await seedSqlite(app.dataDir, count, MEDIA);
    await sleep(500);
    const base = `${app.url}/api/jobs?limit=24`;
    // Warm up the server's caches and the database's, then measure.
    await p95(base, app.cookie);
    return {
      plain: await p95(base, app.cookie),
      common: await p95(`${base}&q=${COMMON_WORD}`, app.cookie),
      rare: await p95(`${base}&q=${RARE_WORD}`, app.cookie),
    };
  } finally {
    await app.stop();
    await sim.stop();
  }
}
