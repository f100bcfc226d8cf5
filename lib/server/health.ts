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

/** What GET /api/health reports: this instance, and whether its database, storage and worker work. */
export async function health() {
  const [database, storage] = await Promise.all([ok(async () => (await getDb()).ping()), ok(async () => (await getStore()).check())]);
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
