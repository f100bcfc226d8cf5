import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RouteResult, SimContext } from "./context";
import { FaultBook, type FaultTarget } from "./faults";
import { errorReply, failure, sendVideo, TooLarge, type Reply } from "./http";
import { accountRoutes, simBillingRoute } from "./routes-account";
import { hookRoutes } from "./routes-hooks";
import { countSubmit, predictionRoutes } from "./routes-predictions";
import { uploadApiRoutes, uploadPublicRoutes } from "./routes-uploads";
import { TaskStore } from "./tasks";
import type { SimulatorOptions, SimulatorStats } from "./types";
import { UploadStore } from "./uploads";
import { InputError } from "./validate";
import { simulatorSecret, WebhookSender } from "./webhooks";

export type { SimulatorOptions, SimulatorStats } from "./types";
/** `options` may be changed while it runs (e.g. `discount`, `catalogIds`). */
export type Simulator = { url: string; stats: SimulatorStats; faults: FaultBook; options: SimulatorOptions; close(): Promise<void> };

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const host = options.host ?? "127.0.0.1";
  const store = new TaskStore(options.workDir, {
    baseMs: options.delayMs,
    perSecondMs: options.delayPerSecondMs,
    jitter: options.delayJitter,
    render: options.render,
  });
  const uploads = new UploadStore(options.workDir);
  let baseUrl = "";
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
    submitBodyBytes: [],
    lastHeaders: {},
    webhooks: Object.assign(sender.stats, { sent: 0, failed: 0, dropped: 0 }),
    uploads: Object.assign(uploads.stats, { tickets: 0, puts: 0, binary: 0, bytes: 0 }),
  });
  const stats = fresh();

  /** Request-level faults; task shapes (`fail`, `nsfw`, `cancelled`...) and `late<N>` are returned to the route. */
  async function requestFault(target: FaultTarget, req: http.IncomingMessage) {
    const header = req.headers["x-sim-fault"];
    const kind = faults.take(target, Array.isArray(header) ? header[0] : header);
    const reply = kind && errorReply(kind, target);
    if (reply) return reply;
    if (kind === "slow") await new Promise((r) => setTimeout(r, options.slowMs ?? 5000));
    return kind;
  }

  const ctx: SimContext = { options, stats, store, uploads, faults, sender, expired: new Set(), baseUrl: () => baseUrl, requestFault };

  function authorized(req: http.IncomingMessage): Reply | null {
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("Bearer ") || header.length <= 7) return failure(401, "Unauthorized: missing API key");
    if (header.slice(7) !== options.apiKey) return failure(401, "Unauthorized: invalid API key");
    return null;
  }

  /** Every /api/ path checks the key first: a wrong key on an unknown route is 401, a good one 404. */
  async function api(req: http.IncomingMessage, url: URL): Promise<RouteResult> {
    await countSubmit(req, url, ctx);
    const denied = authorized(req);
    if (denied) return denied;
    return (
      (await predictionRoutes(req, url, ctx)) ??
      (await uploadApiRoutes(req, url, ctx)) ??
      (await accountRoutes(req, url, ctx)) ??
      failure(404, `No route for ${req.method} ${url.pathname}`)
    );
  }

  async function route(req: http.IncomingMessage): Promise<RouteResult> {
    const url = new URL(req.url ?? "/", baseUrl);
    try {
      const answer =
        (await hookRoutes(req, url, ctx, () => Object.assign(stats, fresh()))) ??
        (await uploadPublicRoutes(req, url, ctx)) ??
        (await simBillingRoute(req, url, ctx)) ??
        (url.pathname.startsWith("/api/") ? await api(req, url) : undefined);
      return answer ?? failure(404, "Not found");
    } catch (error) {
      if (error instanceof InputError) return failure(400, error.message, error.errorCode);
      if (error instanceof TooLarge) return failure(413, error.message, 1401);
      throw error;
    }
  }

  function output(req: http.IncomingMessage, res: http.ServerResponse, id: string): void {
    stats.outputGets += 1;
    if (ctx.expired.has(id)) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify(failure(404, "Not found").body));
      return;
    }
    void requestFault("output", req)
      .then((fault) => {
        if (fault && typeof fault === "object")
          res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers }).end(JSON.stringify(fault.body));
        else return sendVideo(req, res, store.videoPath(id));
      })
      .catch(() => res.destroy());
  }

  const server = http.createServer((req, res) => {
    const video = /^\/outputs\/([a-f0-9]{32})\.mp4$/.exec(req.url ?? "");
    if (video && (req.method === "GET" || req.method === "HEAD")) return output(req, res, video[1] ?? "");
    route(req)
      .then((reply) => {
        if (reply === "malformed" || reply === undefined) {
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
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify(failure(500, "Internal server error", 5000).body));
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
    options,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
