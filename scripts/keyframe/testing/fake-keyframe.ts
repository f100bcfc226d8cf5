import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

/** An MP4's first bytes: an ftyp box, then padding. Enough for the CLI's check; not a playable video. */
export const MP4_BYTES = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypisom\0\0\x02\0isomiso2", "latin1"), Buffer.alloc(64)]);

export const TOKENS = { good: "kf_good", readOnly: "kf_read", revoked: "kf_revoked" };

type Seen = {
  method: string;
  path: string;
  auth: string | null;
  idempotencyKey: string | null;
  fields: Record<string, string>;
  files: string[];
};

/**
 * A stand-in for Keyframe's HTTP API, speaking its contract (status codes, error bodies, job views) over
 * real HTTP, for the CLI's own tests: jobs advance one stage per poll; batches one take per poll.
 */
export async function startFakeKeyframe() {
  const seen: Seen[] = [];
  const jobs = new Map<string, { view: Record<string, unknown>; polls: number }>();
  const byKey = new Map<string, string[]>();
  let failNextSubmit = 0;
  let batchPolls = 0;
  let n = 0;

  const job = (id: string, fields: Record<string, string>) => ({
    id,
    status: "queued",
    prompt: fields.prompt,
    params: { duration: Number(fields.duration), aspectRatio: null, cameraFixed: false, seed: 7, enableSafetyChecker: true },
    price: { micros: 16_000 * Number(fields.duration), label: `$${(0.016 * Number(fields.duration)).toFixed(2)}` },
    copy: { state: "none", error: null },
    video: null,
    owner: "Ada",
    createdAt: "2026-12-07T12:00:00.000Z",
    finishedAt: null,
    shareUrl: null,
    error: null,
  });
  const STAGES = ["queued", "processing", "completed", "saved"];

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const auth = req.headers.authorization ?? null;
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    const refuse = (status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers = {}) =>
      send(status, { error: { code, message, ...extra } }, headers);
    const fields: Record<string, string> = {};
    const files: string[] = [];
    let json: Record<string, unknown> | null = null;
    if (req.method === "POST" && String(req.headers["content-type"]).startsWith("application/json")) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      json = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      for (const [name, value] of Object.entries(json)) fields[name] = JSON.stringify(value);
    }
    if (req.method === "POST" && String(req.headers["content-type"]).startsWith("multipart/")) {
      const request = new Request(url, {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body: Readable.toWeb(req) as ReadableStream,
        duplex: "half",
      } as RequestInit);
      for (const [name, value] of await request.formData()) {
        if (typeof value === "string") fields[name] = value;
        else files.push(`${name}:${value.name}:${value.size}`);
      }
    }
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    seen.push({ method: req.method ?? "", path: url.pathname, auth, idempotencyKey: key, fields, files });

    if (url.pathname === "/media/videos/take.mp4") {
      if (auth !== `Bearer ${TOKENS.good}`) return refuse(401, "unauthorized", "Sign in to use Keyframe.");
      res.writeHead(200, { "content-type": "video/mp4" });
      return res.end(MP4_BYTES);
    }
    if (auth === `Bearer ${TOKENS.revoked}`)
      return refuse(401, "unauthorized", "This API token was revoked. Make a new one on the API page.");
    if (auth !== `Bearer ${TOKENS.good}` && auth !== `Bearer ${TOKENS.readOnly}`)
      return refuse(401, "unauthorized", "Sign in to use Keyframe.");
    if (auth === `Bearer ${TOKENS.readOnly}` && req.method !== "GET") {
      return refuse(403, "forbidden", "This token is read-only: it can only read (GET). Make a token with the generate scope to do this.");
    }
    const route = `${req.method} ${url.pathname.replace(/\/api\/(jobs|batches)\/(?!preview)[^/]+/, "/api/$1/:id")}`;
    const id = url.pathname.split("/")[3] ?? "";

    switch (route) {
      case "GET /api/session":
        return send(200, {
          user: { id: "u1", name: "Ada", email: "ada@example.test", role: "member" },
          token: { id: "t1", scope: "generate" },
        });
      case "GET /api/spend":
        return send(200, {
          caps: [{ key: "memberDaily", label: "your daily cap", limitMicros: 2_000_000, spentMicros: 80_000, leftMicros: 1_920_000 }],
        });
      case "POST /api/models/quote": {
        // Seedance 2.0 at 480p: $0.12/s, as WaveSpeed would quote it through Keyframe.
        const seconds = Number(json?.duration);
        return send(200, { model: json?.model, micros: 120_000 * seconds, label: `$${(0.12 * seconds).toFixed(2)}`, source: "wavespeed" });
      }
      case "POST /api/jobs": {
        if (failNextSubmit > 0) {
          failNextSubmit--;
          // Made, but the answer is lost: the CLI's retry must come with the same key and get the same jobs.
          byKey.set(key ?? "", ["job-retried"]);
          jobs.set("job-retried", { view: job("job-retried", fields), polls: 0 });
          return refuse(503, "unavailable", "Busy.");
        }
        if (fields.duration === "13")
          return refuse(400, "validation_failed", "Check the highlighted fields.", {
            fields: { duration: "Duration must be a whole number from 2 to 12." },
          });
        if (fields.prompt === "too much") return refuse(403, "spend_cap", "This would pass your daily cap.");
        if (fields.prompt === "too fast") return refuse(429, "rate_limited", "Too many submits.", {}, { "retry-after": "42" });
        const known = key ? byKey.get(key) : undefined;
        if (known) return send(200, { jobs: known.map((k) => jobs.get(k)?.view) });
        const ids = Array.from({ length: Number(fields.variations) }, () => `job-${++n}`);
        for (const jobId of ids) jobs.set(jobId, { view: job(jobId, fields), polls: 0 });
        if (key) byKey.set(key, ids);
        return send(201, { jobs: ids.map((k) => jobs.get(k)?.view) });
      }
      case "GET /api/jobs/:id": {
        const found = jobs.get(id);
        if (!found) return refuse(404, "not_found", "No such take.");
        found.polls++;
        const stage = STAGES[Math.min(found.polls, STAGES.length - 1)];
        const saved = stage === "saved";
        Object.assign(found.view, {
          status: stage === "saved" ? "completed" : stage,
          copy: { state: saved ? "done" : stage === "completed" ? "pending" : "none", error: null },
          video:
            stage === "completed" || saved
              ? { src: saved ? "/media/videos/take.mp4" : "https://upstream.example/x.mp4", stored: saved, downloadName: `${id}.mp4` }
              : null,
        });
        return send(200, found.view);
      }
      case "POST /api/jobs/:id/cancel":
        return refuse(409, "conflict", "This take was already sent to WaveSpeed; it can no longer be cancelled.");
      case "GET /api/jobs": {
        const list = [...jobs.values()]
          .map((j) => j.view)
          .filter((v) => !url.searchParams.get("q") || String(v.prompt).includes(url.searchParams.get("q")!));
        return send(200, { jobs: list.slice(0, Number(url.searchParams.get("limit") ?? 24)), nextCursor: null });
      }
      case "POST /api/batches/preview": {
        const bad = fields.name === "bad";
        const repeat =
          fields.name === "repeat"
            ? { line: 2, message: "Repeats take job-1 of the last day: the same image, prompt, settings and seed." }
            : null;
        return send(200, {
          rows: [
            { line: 2, ok: true, errors: [], takes: 1, priceMicros: 80_000, priceLabel: "$0.08", repeat },
            {
              line: 3,
              ok: !bad,
              errors: bad ? [{ field: "duration", message: "Duration must be a whole number from 2 to 12." }] : [],
              takes: 2,
              priceMicros: 160_000,
              priceLabel: "$0.16",
            },
          ],
          takes: 3,
          totalMicros: 240_000,
          totalLabel: "$0.24",
          fits: fields.name !== "huge",
          capsLeft: {
            cap: "memberDaily",
            label: "your daily cap",
            leftMicros: fields.name === "huge" ? 200_000 : 1_920_000,
            leftLabel: "$1.92",
          },
          problem: fields.name === "huge" ? "This batch costs $0.24, more than the $0.20 left under your daily cap." : null,
        });
      }
      case "POST /api/batches":
        if (fields.name === "repeat" && fields.confirmDuplicate !== "true") return refuse(409, "conflict", "Already generated.");
        return send(201, { batch: batchView(0), jobs: [] });
      case "GET /api/batches/:id":
        return send(200, { batch: batchView(++batchPolls), jobs: [] });
      default:
        return refuse(404, "not_found", `No route ${route}`);
    }
  });
  const batchView = (done: number) => ({
    id: "batch-1",
    name: "shots",
    source: "csv",
    total: 3,
    completed: Math.min(done, 3),
    running: done < 3 ? 1 : 0,
    queued: Math.max(0, 2 - done),
    failed: 0,
    cancelled: 0,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    failNextSubmits: (count: number) => (failNextSubmit = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
