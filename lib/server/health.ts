import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getWorker } from "@/lib/jobs/registry";
import { getStore } from "@/lib/storage/store";
import { draining } from "./boot";

const ok = (work: () => Promise<unknown>) =>
  work().then(
    () => true,
    () => false,
  );

const CHECK_TTL_MS = 2000;
let lastCheck: { at: number; result: Promise<{ database: boolean; storage: boolean }> } | undefined;

/**
 * The database and storage checks, shared for two seconds: probes from a load balancer (or anyone, as
 * the route is open) cost at most one query and one bucket request per instance per two seconds.
 */
function checks() {
  if (!lastCheck || Date.now() - lastCheck.at > CHECK_TTL_MS) {
    const result = Promise.all([ok(async () => (await getDb()).ping()), ok(async () => (await getStore()).check())]).then(
      ([database, storage]) => ({ database, storage }),
    );
    lastCheck = { at: Date.now(), result };
  }
  return lastCheck.result;
}

/** What GET /api/health reports: this instance, and whether its database, storage and worker work. */
export async function health() {
  const { database, storage } = await checks();
  const worker = getWorker()?.alive ?? false;
  const leaving = draining();
  return {
    ok: database && storage && worker && !leaving,
    instance: env().instanceId,
    database,
    storage,
    worker,
    mode: env().mode,
    ...(leaving ? { draining: true } : {}),
    backends: { database: (await getDb().catch(() => null))?.label ?? null, storage: (await getStore().catch(() => null))?.kind ?? null },
  };
}
