// backend-free: pure functions, no database or object store
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseCommandLine } from "./args.mjs";
import { capsLeftText, mentionedImages } from "./cmd-batch.mjs";
import { COMMANDS } from "./commands.mjs";
import { exitCodeFor } from "./errors.mjs";
import { formatUsd, priceMicros } from "./format.mjs";
import { bar, batchLine, createProgress, jobsLine } from "./progress.mjs";
import { videoPaths } from "./waiting.mjs";
import { tempHome } from "./testing/run-cli";
import * as app from "@/lib/model/price";
import { DURATION_MAX, DURATION_MIN, VARIATIONS_MAX } from "@/lib/model/seedance";

describe("the CLI's price is the app's price", () => {
  test("for every duration and number of takes the form allows", () => {
    for (let seconds = DURATION_MIN; seconds <= DURATION_MAX; seconds++) {
      for (let takes = 1; takes <= VARIATIONS_MAX; takes++) {
        expect(priceMicros(seconds, takes)).toBe(app.priceMicros(seconds, takes));
        expect(formatUsd(priceMicros(seconds, takes))).toBe(app.formatUsd(app.priceMicros(seconds, takes)));
      }
    }
  });
});

describe("command line", () => {
  test("options, short flags, --json anywhere and --help", () => {
    expect(parseCommandLine(["generate", "a.png", "-p", "pan", "-d", "7", "-n", "2", "-y", "--no-safety-checker"])).toEqual({
      name: "generate",
      values: { prompt: "pan", duration: "7", variations: "2", yes: true, "no-safety-checker": true },
      positionals: ["a.png"],
    });
    expect(parseCommandLine(["--json", "list", "--mine"]).values).toEqual({ mine: true, json: true });
    expect(parseCommandLine(["wait", "a", "b", "c"]).positionals).toEqual(["a", "b", "c"]);
    expect(parseCommandLine(["batch", "x.csv", "--help"])).toEqual({ name: "help", values: { json: undefined }, positionals: ["batch"] });
    expect(parseCommandLine([]).name).toBe("help");
  });

  test.each([
    [["nope"], 'Unknown command "nope".'],
    [["list", "--colour"], 'Unknown option --colour for "list".'],
    [["generate", "a.png", "--prompt"], "--prompt needs a value."],
    [["generate", "a.png", "--prompt", " "], "--prompt needs a value."],
    [["show"], "Missing argument: keyframe show <id>"],
    [["show", "a", "b"], 'Unexpected argument "b": keyframe show <id>'],
  ])("%j is a usage error (exit 2): %s", (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(expect.objectContaining({ exitCode: 2, message }));
  });

  test("every command has help with its usage and the exit codes", () => {
    for (const name of Object.keys(COMMANDS)) expect(COMMANDS[name]!.usage).toMatch(new RegExp(`^keyframe ${name}\\b`));
  });
});

test.each([
  [400, "validation_failed", 4],
  [404, "not_found", 4],
  [409, "conflict", 4],
  [413, "payload_too_large", 4],
  [422, "idempotency_mismatch", 4],
  [401, "unauthorized", 3],
  [403, "forbidden", 3],
  [403, "spend_cap", 5],
  [429, "rate_limited", 5],
  [500, "internal", 6],
  [502, "upstream_error", 6],
  [503, "unavailable", 6],
])("HTTP %i %s exits %i", (status, code, exit) => {
  expect(exitCodeFor(status, code)).toBe(exit);
});

describe("progress", () => {
  const job = (status: string, copy = "none") => ({ id: `${status}-0123456789`, status, copy: { state: copy } });

  test("a bar for each stage, a saving take not yet done", () => {
    expect(bar(0, 10)).toBe("[░░░░░░░░░░]");
    expect(bar(0.5, 10)).toBe("[█████░░░░░]");
    expect(bar(1, 10)).toBe("[██████████]");
    expect(jobsLine([job("processing"), job("completed", "copying")], 72_000)).toBe(
      "[██████████████░░░░░░] 0 of 2 done · processing, saving · 1:12",
    );
    expect(jobsLine([job("completed", "done"), job("failed")], 5_000)).toBe("[████████████████████] 2 of 2 done · 0:05");
    expect(jobsLine([job("queued")], 0)).toBe("[█░░░░░░░░░░░░░░░░░░░] 0 of 1 done · queued · 0:00");
  });

  test("a batch: 12 of 40 done", () => {
    expect(batchLine({ total: 40, completed: 11, failed: 1, cancelled: 0, running: 3, queued: 25 }, 40_000)).toBe(
      "[██████░░░░░░░░░░░░░░] 12 of 40 done · 1 failed · 3 running · 25 queued · 0:40",
    );
  });

  test("on a terminal one line redrawn in place; in a log one line per change", () => {
    let tty = "";
    const onTty = createProgress({ isTTY: true, write: (text: string) => (tty += text) });
    onTty.update("a 0:01", "a");
    onTty.update("a 0:02", "a");
    onTty.done();
    expect(tty).toBe("\r\x1b[2Ka 0:01\r\x1b[2Ka 0:02\n");
    let log = "";
    const inLog = createProgress({ isTTY: false, write: (text: string) => (log += text) });
    inLog.update("a 0:01", "a");
    inLog.update("a 0:02", "a");
    inLog.update("b 0:03", "b");
    inLog.done();
    expect(log).toBe("a 0:01\nb 0:03\n");
  });
});

describe("where videos go", () => {
  const jobs = [
    { id: "AAAAAAAA1", status: "completed", video: { src: "/v", downloadName: "pan-7.mp4" } },
    { id: "BBBBBBBB2", status: "completed", video: { src: "/v", downloadName: "pan-7.mp4" } },
  ];
  test("a file, numbered files for several takes, a folder with the takes' names", () => {
    const cwd = tempHome();
    fs.mkdirSync(path.join(cwd, "existing"));
    expect(videoPaths(cwd, "a.mp4", jobs.slice(0, 1))).toEqual([path.join(cwd, "a.mp4")]);
    expect(videoPaths(cwd, "a.mp4", jobs)).toEqual([path.join(cwd, "a-1.mp4"), path.join(cwd, "a-2.mp4")]);
    expect(videoPaths(cwd, "new/", jobs)).toEqual([path.join(cwd, "new", "pan-7.mp4"), path.join(cwd, "new", "pan-7-BBBBBBBB.mp4")]);
    expect(videoPaths(cwd, "existing", jobs.slice(0, 1))).toEqual([path.join(cwd, "existing", "pan-7.mp4")]);
    expect(videoPaths(cwd, undefined, jobs.slice(0, 1))).toEqual([path.join(cwd, "pan-7.mp4")]);
  });
});

test("what the caps leave, in each shape the preview may give it", () => {
  expect(capsLeftText(null)).toBe("no cap set");
  expect(capsLeftText(1_500_000)).toBe("$1.50 left under the caps");
  expect(capsLeftText([{ label: "your daily cap", leftMicros: 920_000 }])).toBe("$0.92 left under your daily cap");
});

test("a batch sends each image its rows name once: a subfolder path as written, else the shallowest file of that name", () => {
  const csv = "image,prompt\nshots/harbour.png,pan\ndunes.png,tilt\n";
  expect(mentionedImages(csv, ["harbour.png", "dunes.png", "unused.png", "shots/harbour.png", "old/dunes.png"])).toEqual([
    "shots/harbour.png",
    "dunes.png",
  ]);
});
