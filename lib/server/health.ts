import "server-only";
import { ping } from "@/lib/db/queries";
import { env } from "@/lib/env";
import { getWorker } from "@/lib/jobs/worker";

export async function health() {
  const database = await ping().then(
    () => true,
    () => false,
  );
  const worker = getWorker()?.alive ?? false;
  return { ok: database && worker, database, worker, mode: env().mode };
}
