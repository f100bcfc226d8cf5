import http from "node:http";
import type { AddressInfo } from "node:net";
import { MODEL_ID } from "@/lib/model/seedance";
import { FaultBook, type FaultKind, type FaultTarget } from "./faults";
import type { SimContext } from "./context";
import { envelope, errorReply, readBody, sendVideo, type Reply } from "./http";
import { uploadApiRoutes, uploadPublicRoutes } from "./routes-uploads";
import { InputError, TaskStore } from "./tasks";
import { UploadStore, type UploadStats } from "./uploads";
import { simulatorSecret, WebhookSender, type WebhookStats } from "./webhooks";

export type SimulatorOptions = {
  port: number;
  host?: string;
  /** The one key accepted; any other Bearer value gets 401. */
  apiKey: string;
  /** Submit to completion, in ms; a quarter of it is spent in "created". */
  delayMs: number;
  /** More time per second of video asked for (real Seedance jobs take longer for longer videos). */
  delayPerSecondMs?: number;
  /** Each task's time varies by up to this fraction either way. */
  delayJitter?: number;
  workDir: string;
  /** Render clips with ffmpeg (default true); false gives every task the stock clip. */
  render?: boolean;
  faults?: string;
  slowMs?: number;
  /** The secret deliveries are signed with (`whsec_…`); by default one kept in workDir. */
  webhookSecret?: string;
};

/** What the simulator saw: every submit POST (accepted or not), tasks created, result GETs per task id. */
export type SimulatorStats = {
  submitRequests: number;
  submits: number;
  resultGets: Record<string, number>;
  balanceGets: number;
  /** Downloads of output videos, ranged or not. */
  outputGets: number;
  /** Accepted submit bodies, images replaced by a short description, with the `webhook` address asked for. */
  received: Record<string, unknown>[];
  /** Webhook deliveries: answered 2xx, failed (after retries, or refused), dropped by a fault switch. */
  webhooks: WebhookStats;
  /** Upload tickets issued, PUTs and legacy uploads accepted, and the bytes they brought. */
  uploads: UploadStats;
};

const describeImage = (v: unknown) =>
  typeof v === "string" ? (v.startsWith("data:") ? `${v.slice(0, v.indexOf(";"))} (${v.length} chars)` : v) : v;
export type Simulator = { url: string; stats: SimulatorStats; faults: FaultBook; close(): Promise<void> };

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const host = options.host ?? "127.0.0.1";
  const store = new TaskStore(options.workDir, {
    baseMs: options.delayMs,
    perSecondMs: options.delayPerSecondMs,
    jitter: options.delayJitter,
    render: options.render,
  });
  const uploads = new UploadStore(options.workDir);
  // The submit may name a file uploaded here: read it directly (its address is this machine's, which the
  // image fetcher rightly refuses for anything else).
  store.ownMedia = (href) => uploads.readUrl(href, baseUrl);
  const faults = new FaultBook();
  if (options.faults) faults.set(options.faults);
  const sender = new WebhookSender(simulatorSecret(options.workDir, options.webhookSecret), faults, options.slowMs ?? 5000);
  const fresh = (): SimulatorStats => ({
    submitRequests: 0,
    submits: 0,
    resultGets: {},
    balanceGets: 0,
    outputGets: 0,
    received: [],
    webhooks: Object.assign(sender.stats, { sent: 0, failed: 0, dropped: 0 }),
    uploads: Object.assign(uploads.stats, { tickets: 0, puts: 0, binary: 0, bytes: 0 }),
  });
  const stats = fresh();
  const expired = new Set<string>();
  let baseUrl = "";

  function authorized(req: http.IncomingMessage): Reply | null {
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("Bearer ") || header.length <= 7) return { status: 401, body: envelope(401, "Unauthorized: missing API key") };
    if (header.slice(7) !== options.apiKey) return { status: 401, body: envelope(401, "Unauthorized: invalid API key") };
    return null;
  }

  /** Request-level faults; `fail` and `nsfw` shape the task instead and are returned to the caller. */
  async function requestFault(target: FaultTarget, req: http.IncomingMessage): Promise<Reply | "malformed" | FaultKind | undefined> {
    const header = req.headers["x-sim-fault"];
    const kind = faults.take(target, Array.isArray(header) ? header[0] : header);
    const reply = kind && errorReply(kind);
    if (reply) return reply;
    if (kind === "slow") await new Promise((r) => setTimeout(r, options.slowMs ?? 5000));
    return kind;
  }

  const ctx: SimContext = { store, uploads, faults, baseUrl: () => baseUrl, requestFault };

  async function route(req: http.IncomingMessage): Promise<Reply | "malformed"> {
    const url = new URL(req.url ?? "/", baseUrl);
    const p = url.pathname;
    const unauthenticated = await uploadPublicRoutes(req, url, ctx);
    if (unauthenticated) return unauthenticated;

    if (p === "/__sim/stats" && req.method === "GET") {
      // When each task finished, as its result began to say so (benchmarks measure how soon Keyframe knew).
      const finishedAt = Object.fromEntries([...store.tasks.values()].map((t) => [t.id, store.finishedAt(t) ?? null]));
      return { status: 200, body: { ...stats, finishedAt } };
    }
    if (p === "/__sim/faults" && req.method === "POST") {
      try {
        faults.set(await readBody(req));
        return { status: 200, body: { ok: true } };
      } catch (error) {
        return { status: 400, body: { error: (error as Error).message } };
      }
    }
    if (p === "/__sim/expire" && req.method === "POST") {
      // As WaveSpeed does after 7 days: these tasks' output URLs answer 404 from now on (all tasks without ids).
      const body = (JSON.parse((await readBody(req)) || "{}") as { ids?: unknown }).ids;
      const ids = Array.isArray(body) ? body.filter((x): x is string => typeof x === "string") : [...store.tasks.keys()];
      for (const id of ids) expired.add(id);
      return { status: 200, body: { expired: ids } };
    }
    if (p === "/__sim/reset" && req.method === "POST") {
      faults.set("");
      Object.assign(stats, fresh());
      return { status: 200, body: { ok: true } };
    }

    if (p === `/api/v3/${MODEL_ID}` && req.method === "POST") {
      stats.submitRequests += 1;
      const denied = authorized(req);
      if (denied) return denied;
      const fault = await requestFault("submit", req);
      if (fault && typeof fault === "object") return fault;
      let input: unknown;
      try {
        input = JSON.parse(await readBody(req));
      } catch {
        return { status: 400, body: envelope(400, "Invalid JSON body") };
      }
      if (typeof input !== "object" || input === null || Array.isArray(input))
        return { status: 400, body: envelope(400, "Body must be a JSON object") };
      // Per-task request faults from the prompt, so parallel tests do not share a switch.
      const prompt = (input as { prompt?: unknown }).prompt;
      const tagged = typeof prompt === "string" ? /\[sim:(429|500|malformed)\]/.exec(prompt)?.[1] : undefined;
      const taggedReply = tagged && errorReply(tagged);
      if (taggedReply) return taggedReply;
      try {
        const task = store.create(input as Record<string, unknown>, { fail: fault === "fail", nsfw: fault === "nsfw" });
        stats.submits += 1;
        const body = input as Record<string, unknown>;
        const webhook = url.searchParams.get("webhook") ?? undefined;
        stats.received.push({
          ...body,
          image: describeImage(body.image),
          last_image: describeImage(body.last_image),
          taskId: task.id,
          webhook,
        });
        if (webhook) void store.settled(task, baseUrl).then((view) => sender.deliver(webhook, view));
        // A malformed answer after the task exists is the worst case for a client: it was charged, and cannot tell.
        if (fault === "malformed" || tagged === "malformed") return "malformed";
        return { status: 200, body: envelope(200, "success", store.view(task, baseUrl)) };
      } catch (error) {
        if (error instanceof InputError) return { status: 400, body: envelope(400, error.message) };
        throw error;
      }
    }

    const result = /^\/api\/v3\/predictions\/([^/]+)(\/result)?$/.exec(p);
    if (result && req.method === "GET") {
      const denied = authorized(req);
      if (denied) return denied;
      const id = decodeURIComponent(result[1] ?? "");
      stats.resultGets[id] = (stats.resultGets[id] ?? 0) + 1;
      const fault = await requestFault("result", req);
      if (fault && typeof fault === "object") return fault;
      if (fault === "malformed") return "malformed";
      const task = store.get(id);
      if (!task) return { status: 404, body: envelope(404, "Task not found") };
      return { status: 200, body: envelope(200, "success", store.view(task, baseUrl)) };
    }

    if (p === "/api/v3/webhook/secret" && req.method === "GET") {
      const denied = authorized(req);
      if (denied) return denied;
      return { status: 200, body: envelope(200, "success", { secret: sender.secret }) };
    }

    if (p.startsWith("/api/v3/media/")) {
      const denied = authorized(req);
      if (denied) return denied;
      const answer = await uploadApiRoutes(req, url, ctx);
      if (answer) return answer;
    }

    if (p === "/api/v3/balance" && req.method === "GET") {
      const denied = authorized(req);
      if (denied) return denied;
      stats.balanceGets += 1;
      const fault = await requestFault("balance", req);
      if (fault && typeof fault === "object") return fault;
      if (fault === "malformed") return "malformed";
      return { status: 200, body: envelope(200, "success", { balance: store.balanceMicros / 1_000_000 }) };
    }

    return { status: 404, body: envelope(404, "Not found") };
  }

  const server = http.createServer((req, res) => {
    const video = /^\/outputs\/([a-f0-9]{32})\.mp4$/.exec(req.url ?? "");
    if (video && (req.method === "GET" || req.method === "HEAD")) {
      stats.outputGets += 1;
      if (expired.has(video[1] ?? "")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify(envelope(404, "Not found")));
        return;
      }
      void requestFault("output", req)
        .then((fault) => {
          if (fault && typeof fault === "object")
            res.writeHead(fault.status, { "content-type": "application/json" }).end(JSON.stringify(fault.body));
          else return sendVideo(req, res, store.videoPath(video[1] ?? ""));
        })
        .catch(() => res.destroy());
      return;
    }
    route(req)
      .then((reply) => {
        if (reply === "malformed") {
          res.writeHead(200, { "content-type": "application/json" }).end('{"code":200,"message":"success","data":{"id":');
          return;
        }
        const raw = Buffer.isBuffer(reply.body) || typeof reply.body === "string";
        res
          .writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
          .end(raw ? (reply.body as Buffer | string) : JSON.stringify(reply.body));
      })
      .catch((error: unknown) => {
        console.error("[simulator]", error);
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify(envelope(500, "Internal server error")));
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    stats,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
