import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "./app";
import { storedNames } from "./backends";
import { jobForm } from "./job-form";
import { teamSettings } from "./team-settings";

type Detail = {
  batch: { id: string; total: number; queued: number; cancelled: number; completed: number };
  jobs: { id: string; status: string }[];
};
export type BatchDetailAnswer = Detail;
export type BatchAnswer = Detail & { error?: { code: string; message: string; rows?: { line: number; field: string; message: string }[] } };

/** The batch routes on a fresh app and simulator, signed in as one member, with what the route tests ask of them. */
export async function batchApp() {
  const { sim } = (await setupApp()) as { sim: Simulator };
  const m = {
    batches: await import("@/app/api/batches/route"),
    preview: await import("@/app/api/batches/preview/route"),
    one: await import("@/app/api/batches/[id]/route"),
    cancel: await import("@/app/api/batches/[id]/cancel/route"),
    jobs: await import("@/app/api/jobs/route"),
    db: await import("@/lib/db/client"),
  };
  const { cookie } = await signedIn("batcher@keyframe.test");

  /** POST /api/batches or /api/batches/preview with a multipart or JSON body. */
  async function send(route: "batches" | "preview", body: FormData | object, headers: Record<string, string> = {}) {
    const json = !(body instanceof FormData);
    const init = {
      method: "POST",
      body: json ? JSON.stringify(body) : body,
      headers: { cookie, ...(json ? { "content-type": "application/json" } : {}), ...headers },
    };
    const res = await m[route].POST(new Request(`http://keyframe.test/api/batches${route === "preview" ? "/preview" : ""}`, init));
    return { status: res.status, body: (await res.json()) as BatchAnswer & Record<string, unknown> };
  }

  /** Batches, jobs, counted ledger rows and stored input images. */
  async function stored() {
    const { db, t } = await m.db.getDb();
    const [groups, jobs, ledger] = await Promise.all([db.select().from(t.jobGroups), db.select().from(t.jobs), db.select().from(t.ledger)]);
    return {
      groups: groups.length,
      jobs: jobs.length,
      ledger: ledger.filter((l) => l.state !== "released").length,
      inputs: (await storedNames("inputs")).length,
    };
  }

  /** A single generate through POST /api/jobs. */
  const single = () => m.jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm(), headers: { cookie } }));

  async function reset() {
    const { db, t } = await m.db.getDb();
    for (const table of [t.ledger, t.jobs, t.idempotencyKeys, t.jobGroups]) await db.delete(table);
    await teamSettings({});
  }

  return { sim, m, cookie, settings: teamSettings, send, stored, single, reset };
}

export type BatchApp = Awaited<ReturnType<typeof batchApp>>;
export const NOTHING = { groups: 0, jobs: 0, ledger: 0, inputs: 0 };
