/**
 * `npm run bench`: the whole table, figure by figure (value = median of runs, spread = min–max of runs).
 * Needs a build (`npm run build`), Debian's chromium and ffmpeg; PostgreSQL rows need TEST_PG_URL, the PG*
 * variables or pg_virtualenv (else they are skipped).
 *
 *   npm run bench -- [--app <checkout>] [--runs 3] [--only completion,submit,list,pollers,scroll,bundle] [--port 4500] [--cpu-prof <dir>]
 *
 * `--app` measures another built checkout of Keyframe (e.g. an older commit) with this checkout's
 * benchmarks and simulator, so a before-and-after pair is one command each, run one after the other.
 * `--port`: the first of the 150 ports the benchmarks use, so two checkouts can measure on one machine.
 * `--cpu-prof`: each Keyframe started writes a V8 CPU profile there (open it in Chrome's DevTools).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundle } from "./bundle";
import { completion, summarize } from "./completion";
import { profileServersInto, row, type Row, type Target } from "./kit";
import { listLatency } from "./list";
import { hasPgVirtualenv, rerunInPgVirtualenv } from "../pg-virtualenv";
import { pollers, type PollerFigures } from "./pollers";
import { scroll } from "./scroll";
import { submitOverhead } from "./submit";

const { values } = parseArgs({
  options: {
    app: { type: "string" },
    runs: { type: "string" },
    only: { type: "string" },
    port: { type: "string" },
    "cpu-prof": { type: "string" },
  },
});
const target: Target = { dir: path.resolve(values.app ?? "."), label: values.app ?? "this checkout" };
const runs = Number(values.runs ?? 3);
const only = new Set((values.only ?? "completion,submit,list,pollers,scroll,bundle").split(","));
const base = Number(values.port ?? 4500);
if (values["cpu-prof"]) profileServersInto(values["cpu-prof"]);
const supportsPg = fs.existsSync(path.join(target.dir, "lib", "db", "pg"));
const supportsWebhooks = fs.existsSync(path.join(target.dir, "app", "api", "webhooks"));

function pgUrl(): string | undefined {
  if (process.env.TEST_PG_URL) return process.env.TEST_PG_URL;
  const { PGHOST, PGPORT, PGUSER, PGPASSWORD } = process.env;
  return PGHOST && PGUSER ? `postgres://${PGUSER}:${PGPASSWORD ?? ""}@${PGHOST}:${PGPORT ?? 5432}/postgres` : undefined;
}
if (supportsPg && (only.has("list") || only.has("pollers")) && !pgUrl() && !process.env.KEYFRAME_BENCH_IN_PG && hasPgVirtualenv())
  await rerunInPgVirtualenv("KEYFRAME_BENCH_IN_PG");

const rows: Row[] = [];
const repeat = async <T>(n: number, run: () => Promise<T>): Promise<T[]> => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await run());
  return out;
};
const log = (text: string) => console.error(`[bench] ${text}`);

log(`measuring ${target.label} (${target.dir}); ${runs} runs where repeated`);
if (only.has("completion")) {
  log("completion to visible, polling only (20-120 s jobs; a warm-up round first)…");
  const polled = summarize(await completion(target, base + 0, false));
  rows.push(row("Completion → GET /api/jobs, polling, p50", [polled.p50], " ms"));
  rows.push(row("Completion → GET /api/jobs, polling, p95", [polled.p95], " ms"));
  rows.push(
    row("Result GETs per job, polling (mean)", [polled.gets], "", 1),
    row("Result GETs per job, polling (max)", [polled.maxGets], ""),
  );
  if (supportsWebhooks) {
    log("completion to visible, webhooks…");
    const hooked = summarize(await completion(target, base + 20, true));
    rows.push(row("Completion → GET /api/jobs, webhooks, p50", [hooked.p50], " ms"));
    rows.push(row("Completion → GET /api/jobs, webhooks, p95", [hooked.p95], " ms"));
    rows.push(row("Result GETs per job, webhooks (max)", [hooked.maxGets], ""));
  } else rows.push({ figure: "Completion → GET /api/jobs, webhooks", value: "n/a (no webhooks)", spread: "", runs: 0 });
}
if (only.has("submit")) {
  log("submit overhead…");
  const r = await repeat(runs, () => submitOverhead(target, base + 40));
  rows.push(
    row(
      "POST /api/jobs p50",
      r.map((x) => x.keyframeMs),
      " ms",
      1,
    ),
  );
  rows.push(
    row(
      "POST to the simulator directly p50",
      r.map((x) => x.directMs),
      " ms",
      1,
    ),
  );
  rows.push(
    row(
      "Submit overhead (ratio)",
      r.map((x) => x.keyframeMs / x.directMs),
      "×",
      1,
    ),
  );
}
if (only.has("list")) {
  for (const count of [5000, 50_000]) {
    log(`list at ${count} jobs, SQLite…`);
    const s = await listLatency(target, base + 60, count);
    rows.push(row(`GET /api/jobs p95, ${count} jobs, SQLite`, [s.plain], " ms", 1));
    rows.push(row(`… search, common word, SQLite`, [s.common], " ms", 1), row(`… search, rare word, SQLite`, [s.rare], " ms", 1));
    const url = pgUrl();
    if (supportsPg && url) {
      log(`list at ${count} jobs, PostgreSQL…`);
      const p = await listLatency(target, base + 80, count, url);
      rows.push(row(`GET /api/jobs p95, ${count} jobs, PostgreSQL`, [p.plain], " ms", 1));
      rows.push(row(`… search, common word, PostgreSQL`, [p.common], " ms", 1), row(`… search, rare word, PostgreSQL`, [p.rare], " ms", 1));
    }
  }
}
if (only.has("pollers")) {
  const backends: [string, string | undefined][] = [["SQLite", undefined]];
  const url = pgUrl();
  if (supportsPg && url) backends.push(["PostgreSQL", url]);
  for (const [name, pg] of backends) {
    log(`200 pollers every 1.5 s (10 sessions, 5,000 jobs), ${name}…`);
    const r = await repeat(runs, () => pollers(target, base + 100, pg));
    for (const x of r)
      log(
        `  ${name}: p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, max ${x.max.toFixed(0)} ms, ${x.requests} requests ` +
          `(${x.notModified} 304s), ${x.errors} errors, server CPU ${x.cpuMsPerRequest.toFixed(2)} ms/request ` +
          `over ${x.quietRequests} requests while nothing changed (${x.quietNotModified} 304s), busy ${(x.busy * 100).toFixed(0)}% of a core`,
      );
    const figures: [string, (x: PollerFigures) => number, string, number][] = [
      [`200 pollers at 1.5 s, ${name}: p50`, (x) => x.p50, " ms", 1],
      ["… p95", (x) => x.p95, " ms", 1],
      ["… max", (x) => x.max, " ms", 0],
      ["… server CPU per request while nothing changed", (x) => x.cpuMsPerRequest, " ms", 2],
      ["… 304s among those", (x) => (x.quietNotModified / x.quietRequests) * 100, "%", 0],
      ["… server busy (one core = 100%)", (x) => x.busy * 100, "%", 0],
      ["… errors", (x) => x.errors, "", 0],
      ["… saw a teammate's job within one poll", (x) => x.seenWithinOnePoll * 100, "%", 0],
    ];
    rows.push(...figures.map(([figure, get, unit, digits]) => row(figure, r.map(get), unit, digits)));
  }
}
if (only.has("scroll")) {
  log("scrolling 5,000 jobs against a static page, interleaved…");
  const r = await scroll(target, base + 120, runs);
  const ratio = (other: number[]) => r.gallery.map((g, i) => g / other[i]!);
  rows.push(row("Scroll 10 s: main-thread busy, gallery", r.gallery, " ms"));
  rows.push(row("Scroll 10 s: main-thread busy, static page of plain boxes", r.baseline, " ms"));
  rows.push(row("Scroll busy time (ratio to plain boxes)", ratio(r.baseline), "×", 2));
  rows.push(row("Scroll 10 s: main-thread busy, static page of the same pictures", r.posters, " ms"));
  rows.push(row("Scroll busy time (ratio to the static pictures)", ratio(r.posters), "×", 2));
}
if (only.has("bundle")) {
  log("first-load JS against a bare page…");
  const r = await bundle(target, base + 140);
  rows.push(row("First-load JS of / (gzip)", [r.keyframeKiB], " KiB", 1));
  rows.push(row("First-load JS of a bare page, same form libraries", [r.bareKiB], " KiB", 1));
  rows.push(row("First-load JS (ratio to bare)", [r.keyframeKiB / r.bareKiB], "×", 2));
}

const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`\n${target.label}\n`);
console.log(`| ${"Figure".padEnd(width)} | Value | Spread | Runs |`);
console.log(`| ${"-".repeat(width)} | --- | --- | --- |`);
for (const r of rows) console.log(`| ${r.figure.padEnd(width)} | ${r.value} | ${r.spread} | ${r.runs} |`);
