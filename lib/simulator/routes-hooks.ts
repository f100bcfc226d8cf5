import type http from "node:http";
import type { RouteResult, SimContext } from "./context";
import { readBody } from "./http";

/** The test hooks under `/__sim/`: stats, fault switches, expiring outputs, reset. No key needed. */
export async function hookRoutes(req: http.IncomingMessage, url: URL, ctx: SimContext, reset: () => void): Promise<RouteResult> {
  const route = `${req.method} ${url.pathname}`;
  if (route === "GET /__sim/stats") {
    // When each task finished, as its result began to say so (benchmarks measure how soon Keyframe knew).
    const finishedAt = Object.fromEntries([...ctx.store.tasks.values()].map((t) => [t.id, ctx.store.finishedAt(t) ?? null]));
    return { status: 200, body: { ...ctx.stats, finishedAt } };
  }
  if (route === "POST /__sim/faults") {
    try {
      ctx.faults.set(await readBody(req));
      return { status: 200, body: { ok: true } };
    } catch (error) {
      return { status: 400, body: { error: (error as Error).message } };
    }
  }
  if (route === "POST /__sim/expire") {
    // As WaveSpeed does after 7 days: these tasks' output URLs answer 404 from now on (all tasks without ids).
    const body = (JSON.parse((await readBody(req)) || "{}") as { ids?: unknown }).ids;
    const ids = Array.isArray(body) ? body.filter((x): x is string => typeof x === "string") : [...ctx.store.tasks.keys()];
    for (const id of ids) ctx.expired.add(id);
    return { status: 200, body: { expired: ids } };
  }
  if (route === "POST /__sim/reset") {
    ctx.faults.set("");
    ctx.store.billFailed = false;
    reset();
    return { status: 200, body: { ok: true } };
  }
  return undefined;
}
