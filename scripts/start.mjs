#!/usr/bin/env node
/**
 * Keyframe's start command (`npm start`, and the container's): Next's production server, wired so that
 * SIGTERM drains the instance in order. Next's own `next start` exits as soon as its HTTP server closes,
 * which would cut the worker off mid-submit; here the worker stops claiming, finishes what is on the wire,
 * hands its leases back, and in-flight HTTP requests complete, before the process exits.
 *
 * Options as `next start`: -p/--port (or PORT), -H/--hostname (or HOSTNAME). In Next's standalone output
 * (the container) it runs from that folder, beside its server.js.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: true,
  strict: false,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = String(values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0");
const drainMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000);
// The start directory: the repository, or the standalone folder this file was copied into.
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = fs.existsSync(path.join(here, ".next")) ? here : process.cwd();

process.env.NODE_ENV = "production";
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
// The configuration the build resolved (the standalone folder has no next.config.js).
const built = JSON.parse(fs.readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8"));
if (built.config?.output === "standalone") process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(built.config);

const { default: next } = await import("next");
const app = next({ dev: false, dir, hostname, port, conf: built.config });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  // The address this request came from, as the socket saw it: Keyframe's rate limits start from it
  // (see TRUST_PROXY). Whatever a client sent under this name is replaced.
  req.headers["x-keyframe-peer"] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, hostname, () => resolve(undefined));
});
console.log(`[keyframe] Listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);

let drainingSince = 0;
/** The parent-death watch below (under a package manager's script only). */
let watch;
async function drain(reason) {
  // From here on only a signal can hurry the exit: a parent that dies mid-drain (killed after its own stop
  // timeout, as supervisord or systemd's KillMode=process do) must not cut short the drain it asked for.
  clearInterval(watch);
  if (drainingSince) {
    // Ctrl-C reaches the whole process group and npm forwards it as well: one press, two signals.
    if (Date.now() - drainingSince < 1000) return;
    console.log(`[keyframe] ${reason} again: exiting now.`);
    process.exit(1);
  }
  drainingSince = Date.now();
  console.log(`[keyframe] ${reason}: draining (up to ${drainMs} ms)…`);
  const force = setTimeout(() => {
    console.warn("[keyframe] Drain timed out; exiting.");
    process.exit(1);
  }, drainMs + 5_000);
  force.unref();
  const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
  server.closeIdleConnections();
  const requestsDone = Promise.race([closed, new Promise((resolve) => setTimeout(resolve, drainMs))]);
  // Registered by the app at boot: stops the worker, waits for submits on the wire, releases leases.
  await Promise.allSettled([globalThis.__keyframeShutdown?.(drainMs), requestsDone]);
  server.closeAllConnections();
  await app.close().catch(() => undefined);
  await globalThis.__keyframeCloseDb?.().catch(() => undefined);
  console.log("[keyframe] Drained; bye.");
  process.exit(0);
}
process.on("SIGTERM", () => void drain("SIGTERM"));
process.on("SIGINT", () => void drain("SIGINT"));

// Under a package manager's script (`npm start` runs `exec node scripts/start.mjs`), that process is what a
// process manager signals. Should it die without passing the signal on (killed outright, or a shell in
// between that does not exec), this server would be orphaned and serve on untold: its parent going away
// means stop. Not when started directly: `nohup node scripts/start.mjs &` outlives its shell on purpose.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  watch = setInterval(() => {
    if (drainingSince || process.ppid === parent) return;
    clearInterval(watch);
    void drain(`The process that started it (pid ${parent}) exited`);
  }, 1000);
  watch.unref();
}
