// backend-free: the command-line tool against a fake Keyframe, no database or object store
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { MP4_BYTES, startFakeKeyframe, TOKENS } from "./testing/fake-keyframe";
import { runCli, tempHome } from "./testing/run-cli";
import { makePng } from "@/lib/test/png";

let fake: Awaited<ReturnType<typeof startFakeKeyframe>>;
let home: string;
const env = (token = TOKENS.good) => ({ KEYFRAME_URL: fake.url, KEYFRAME_TOKEN: token, KEYFRAME_POLL_MS: "20", KEYFRAME_RETRY_MS: "10" });
const cli = (args: string[], token?: string, input?: string) => runCli(args, { home, env: env(token), input });

beforeAll(async () => {
  fake = await startFakeKeyframe();
});
afterAll(() => fake.close());
beforeEach(() => {
  home = tempHome();
  fs.writeFileSync(path.join(home, "start.png"), makePng(640, 360));
  fake.seen.length = 0;
});

describe("keyframe against a fake Keyframe", () => {
  test("login checks the token with a GET and saves url and token readable by the user only; whoami and logout", async () => {
    const login = await runCli(["login", "--url", `${fake.url}/`], { home, input: `${TOKENS.good}\n` });
    expect(login.code).toBe(0);
    expect(login.stderr).toContain("as Ada <ada@example.test> (member), token scope generate");
    const file = path.join(home, "config", "keyframe", "config.json");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ url: fake.url, token: TOKENS.good });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fake.seen.map((s) => `${s.method} ${s.path} ${s.auth}`)).toEqual([`GET /api/session Bearer ${TOKENS.good}`]);

    const who = await runCli(["whoami", "--json"], { home });
    expect(who.code).toBe(0);
    expect(JSON.parse(who.stdout)).toMatchObject({ url: fake.url, user: { name: "Ada" }, tokenFrom: file });
    expect(who.stderr).toBe("");

    expect((await runCli(["logout"], { home })).code).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
    const after = await runCli(["whoami"], { home });
    expect(after.code).toBe(3);
    expect(after.stderr).toContain("Not signed in.");
  });

  test("a refused token at login is exit 3 with the server's reason, and nothing is saved", async () => {
    const run = await runCli(["login", "--url", fake.url, "--token", TOKENS.revoked], { home });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("This API token was revoked.");
    expect(fs.existsSync(path.join(home, "config", "keyframe", "config.json"))).toBe(false);
  });

  test("generate shows the price and what the cap leaves, refuses to pay without --yes off a terminal, and sends nothing", async () => {
    const run = await cli(["generate", "start.png", "-p", "a slow pan", "-d", "5", "-n", "2"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Price: $0.16 (2 takes × 5 s at $0.016/s). $1.92 left under your daily cap.");
    expect(run.stderr).toContain("Add --yes to pay.");
    expect(fake.seen.filter((s) => s.method === "POST")).toEqual([]);
  });

  test("generate --yes --out waits through every stage and saves a checked MP4; --json prints only JSON on stdout", async () => {
    const run = await cli([
      "generate",
      "start.png",
      "-p",
      "a slow pan",
      "--seed",
      "7",
      "--camera-fixed",
      "--yes",
      "--out",
      "take.mp4",
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.jobs[0]).toMatchObject({ status: "completed", copy: { state: "done" } });
    expect(out.files[0]).toMatchObject({ file: path.join(home, "take.mp4"), bytes: MP4_BYTES.length });
    expect(fs.readFileSync(path.join(home, "take.mp4"))).toEqual(MP4_BYTES);
    const submit = fake.seen.find((s) => s.method === "POST")!;
    expect(submit.fields).toEqual({
      prompt: "a slow pan",
      duration: "5",
      aspectRatio: "auto",
      cameraFixed: "true",
      seed: "7",
      enableSafetyChecker: "true",
      variations: "1",
    });
    expect(submit.files).toEqual([`image:start.png:${fs.statSync(path.join(home, "start.png")).size}`]);
    expect(submit.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    // Off a terminal, progress is one plain line per stage, on stderr.
    expect(run.stderr).toMatch(/job-\d+ queued\n.*job-\d+ processing\n.*job-\d+ saving\n.*job-\d+ completed\n/);
    // The token went to Keyframe's own media route, never to the upstream URL.
    expect(fake.seen.at(-1)).toMatchObject({ path: "/media/videos/take.mp4", auth: `Bearer ${TOKENS.good}` });
  });

  test("generate --model prices by WaveSpeed's quote for that model and sends the model, resolution and sound", async () => {
    const model = "bytedance/seedance-2.0/image-to-video";
    const asked = await cli([
      "generate",
      "start.png",
      "-p",
      "a slow pan",
      "-d",
      "4",
      "-n",
      "2",
      "--model",
      model,
      "--resolution",
      "480p",
      "--audio",
    ]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain(`Price: $0.96 (2 takes × 4 s of ${model}).`);
    expect(fake.seen.find((s) => s.path === "/api/models/quote")?.fields).toEqual({
      model: JSON.stringify(model),
      duration: "4",
      resolution: '"480p"',
      generateAudio: "true",
    });
    const run = await cli(["generate", "start.png", "-p", "a slow pan", "-d", "4", "-m", model, "--audio", "--yes", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(fake.seen.find((s) => s.path === "/api/jobs" && s.method === "POST")!.fields).toMatchObject({
      model,
      generateAudio: "true",
      duration: "4",
    });
  });

  test("a submit whose answer is lost is sent again with the same Idempotency-Key: one take, one charge", async () => {
    fake.failNextSubmits(1);
    const run = await cli(["generate", "start.png", "-p", "lost answer", "--yes", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const submits = fake.seen.filter((s) => s.method === "POST");
    expect(submits).toHaveLength(2);
    expect(submits[1]!.idempotencyKey).toBe(submits[0]!.idempotencyKey);
    expect(JSON.parse(run.stdout)).toMatchObject({ jobs: [{ id: "job-retried" }], replayed: true });
    expect(run.stderr).toContain("nothing charged again");
  });

  test.each([
    {
      why: "a field refused (400)",
      args: ["-p", "x", "-d", "13"],
      token: TOKENS.good,
      code: 4,
      messages: ["Check the highlighted fields.", "duration: Duration must be a whole number from 2 to 12."],
    },
    { why: "a read-only token (403)", args: ["-p", "x"], token: TOKENS.readOnly, code: 3, messages: ["This token is read-only"] },
    { why: "a revoked token (401)", args: ["-p", "x"], token: TOKENS.revoked, code: 3, messages: ["This API token was revoked."] },
    {
      why: "a spend cap (403 spend_cap)",
      args: ["-p", "too much"],
      token: TOKENS.good,
      code: 5,
      messages: ["This would pass your daily cap."],
    },
    {
      why: "the rate limit (429)",
      args: ["-p", "too fast"],
      token: TOKENS.good,
      code: 5,
      messages: ["Too many submits.", "retry after 42 s"],
    },
  ])("generate refused for $why exits $code with the server's message", async ({ args, token, code, messages }) => {
    const run = await cli(["generate", "start.png", ...args, "--yes"], token);
    expect(run.code).toBe(code);
    for (const message of messages) expect(run.stderr).toContain(message);
  });

  test("--json errors are JSON on stdout with the server's code, fields and the exit code", async () => {
    const run = await cli(["generate", "start.png", "-p", "x", "-d", "13", "--yes", "--json"]);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: "validation_failed",
        message: "Check the highlighted fields.",
        fields: { duration: "Duration must be a whole number from 2 to 12." },
        status: 400,
        exitCode: 4,
      },
    });
  });

  test("usage errors exit 2 before any request; an unreachable server exits 6", async () => {
    for (const args of [
      ["generate", "missing.png", "-p", "x", "--yes"],
      ["generate", "start.png"],
      ["list", "--status", "done"],
      ["frobnicate"],
      ["show"],
    ]) {
      const run = await cli(args);
      expect(run.code, args.join(" ")).toBe(2);
    }
    expect(fake.seen).toEqual([]);
    const closed = await startFakeKeyframe();
    await closed.close();
    const down = await runCli(["list"], { home, env: { ...env(), KEYFRAME_URL: closed.url } });
    expect(down.code).toBe(6);
    expect(down.stderr).toContain(`Cannot reach ${closed.url}: ECONNREFUSED`);
  });

  test("list, show, wait, download and cancel", async () => {
    const made = await cli(["generate", "start.png", "-p", "a quiet harbour", "-n", "2", "--yes"]);
    const ids = made.stdout.trim().split("\n");
    expect(ids).toHaveLength(2);
    const listed = await cli(["list", "--search", "harbour", "--json"]);
    expect(JSON.parse(listed.stdout).jobs.map((j: { id: string }) => j.id)).toEqual(ids);
    expect((await cli(["list", "-s", "harbour"])).stdout).toMatch(
      /^ID\s+STATUS\s+CREATED\s+LEN\s+PRICE\s+BY\s+PROMPT\njob-\d+\s+queued\s+2026-12-07 12:00\s+5s\s+\$0.08\s+Ada\s+a quiet harbour\n/,
    );
    const early = await cli(["download", ids[0]!]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("is processing; nothing to download.");
    const waited = await cli(["wait", ...ids, "--out", "videos/"]);
    expect(waited.code, waited.stderr).toBe(0);
    expect(fs.readdirSync(path.join(home, "videos")).sort()).toEqual(ids.map((id) => `${id}.mp4`).sort());
    const shown = await cli(["show", ids[0]!]);
    expect(shown.stdout).toContain(`video:     ${fake.url}/media/videos/take.mp4`);
    expect((await cli(["download", ids[1]!, "--out", "again.mp4"])).code).toBe(0);
    expect(fs.readFileSync(path.join(home, "again.mp4"))).toEqual(MP4_BYTES);
    const cancelled = await cli(["cancel", ids[0]!]);
    expect(cancelled.code).toBe(4);
    expect(cancelled.stderr).toContain("can no longer be cancelled");
    expect((await cli(["show", "nope"])).code).toBe(4);
  });

  test("batch previews each row and the total against the caps, sends only the images the rows name, then runs and follows it", async () => {
    fs.mkdirSync(path.join(home, "shots"));
    fs.writeFileSync(path.join(home, "shots", "a.png"), makePng(640, 360));
    fs.writeFileSync(path.join(home, "shots", "unused.png"), makePng(640, 360));
    fs.writeFileSync(path.join(home, "rows.csv"), "image,prompt,variations\nshots/a.png,pan,1\nhttps://example.test/b.png,tilt,2\n");
    const run = await cli(["batch", "rows.csv", "--name", "shots", "--yes", "--wait"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("Sending 1 image: shots/a.png");
    expect(run.stderr).toMatch(/LINE\s+TAKES\s+PRICE\s+CHECK\n2\s+1\s+\$0.08\s+ok\n3\s+2\s+\$0.16\s+ok/);
    expect(run.stderr).toContain("Total: $0.24 for 3 takes ($1.92 left under your daily cap).");
    expect(run.stderr).toContain("3 of 3 done");
    expect(run.stdout).toBe("batch-1  3 completed, 0 failed, 0 cancelled, of 3\n");
    const [preview, create] = fake.seen.filter((s) => s.method === "POST");
    expect(preview!.path).toBe("/api/batches/preview");
    expect(preview!.files.map((f) => f.split(":").slice(0, 2).join(":"))).toEqual(["file:rows.csv", "image:shots/a.png"]);
    expect(create).toMatchObject({ path: "/api/batches", fields: { name: "shots" } });
    expect(create!.idempotencyKey).toBeTruthy();
  });

  test("a batch with a refused row, past the caps or repeating a take without --again charges nothing (exit 4 / 5 / 4); --dry-run only previews", async () => {
    fs.writeFileSync(path.join(home, "rows.json"), JSON.stringify([{ image: "https://example.test/a.png", prompt: "pan" }]));
    const bad = await cli(["batch", "rows.json", "--name", "bad", "--yes"]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain("duration: Duration must be a whole number from 2 to 12.");
    const huge = await cli(["batch", "rows.json", "--name", "huge", "--yes"]);
    expect(huge.code).toBe(5);
    expect(huge.stderr).toContain("This batch costs $0.24, more than the $0.20 left under your daily cap.");
    const repeat = await cli(["batch", "rows.json", "--name", "repeat", "--yes"]);
    expect(repeat.code).toBe(4);
    expect(repeat.stderr).toContain("ok, but Repeats take job-1 of the last day");
    expect(repeat.stderr).toContain("Add --again to pay for them anyway");
    const dry = await cli(["batch", "rows.json", "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).preview.totalLabel).toBe("$0.24");
    expect(fake.seen.filter((s) => s.path === "/api/batches")).toEqual([]);
    const again = await cli(["batch", "rows.json", "--name", "repeat", "--yes", "--again"]);
    expect(again.code, again.stderr).toBe(0);
    expect(fake.seen.filter((s) => s.path === "/api/batches").map((s) => s.fields.confirmDuplicate)).toEqual(["true"]);
  });
});
