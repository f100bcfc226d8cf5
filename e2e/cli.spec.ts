import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { runCli, tempHome } from "../scripts/keyframe/testing/run-cli";
import { ending, landscape } from "./fixtures/images";
import { ffprobe } from "./support/ffprobe";

// The CLI as a user runs it (`node scripts/keyframe.mjs`, its own process, stdin not a terminal) against
// the simulator-mode server, with tokens the admin makes on the API page's route.
type Made = { token: { id: string; scope: string }; secret: string };

async function makeToken(request: APIRequestContext, name: string, scope: "read" | "generate"): Promise<Made> {
  const res = await request.post("/api/tokens", { data: { name, scope } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Made;
}

test("from a shell with only a token: login, generate --wait --out a playable MP4, list --json, a batch file; refusals exit 3 and 4", async ({
  request,
  baseURL,
}) => {
  const home = tempHome();
  fs.writeFileSync(path.join(home, landscape.name), landscape.buffer);
  const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { home, env: { KEYFRAME_POLL_MS: "500", ...env } });
  const generateToken = await makeToken(request, "cli e2e", "generate");
  const readToken = await makeToken(request, "cli e2e read", "read");
  const prompt = `CLI e2e: a slow push-in on the harbour ${Date.now()}`;

  const login = await cli(["login", "--url", baseURL!, "--token", generateToken.secret]);
  expect(login.stderr).toContain("Signed in to");
  expect(login.code).toBe(0);

  const made = await cli([
    "generate",
    landscape.name,
    "--prompt",
    prompt,
    "--duration",
    "2",
    "--yes",
    "--wait",
    "--out",
    "take.mp4",
    "--json",
  ]);
  expect(made.code, made.stderr).toBe(0);
  const out = JSON.parse(made.stdout) as { jobs: { id: string; status: string }[]; files: { file: string; bytes: number }[] };
  expect(out.jobs).toEqual([expect.objectContaining({ status: "completed" })]);
  const video = ffprobe(fs.readFileSync(path.join(home, "take.mp4")));
  expect(video.width).toBeGreaterThan(0);
  expect(video.duration).toBeCloseTo(2, 0);
  expect(out.files[0]!.bytes).toBe(fs.statSync(path.join(home, "take.mp4")).size);

  const listed = await cli(["--json", "list", "--search", prompt, "--mine"]);
  expect(listed.code).toBe(0);
  expect((JSON.parse(listed.stdout) as { jobs: { id: string }[] }).jobs.map((j) => j.id)).toEqual([out.jobs[0]!.id]);

  // The server's message and field, and no take made by either refusal.
  const readOnly = await cli(["generate", landscape.name, "--prompt", prompt, "--yes"], { KEYFRAME_TOKEN: readToken.secret });
  expect(readOnly.code).toBe(3);
  expect(readOnly.stderr).toContain("This token is read-only");
  const badInput = await cli(["generate", landscape.name, "--prompt", prompt, "--duration", "13", "--yes"]);
  expect(badInput.code).toBe(4);
  expect(badInput.stderr).toContain("duration: Duration must be a whole number from 2 to 12.");
  const after = await cli(["--json", "list", "--search", prompt]);
  expect((JSON.parse(after.stdout) as { jobs: unknown[] }).jobs).toHaveLength(1);

  // A batch file: each row's check and the total before paying, then followed to the end.
  fs.mkdirSync(path.join(home, "shots"));
  fs.writeFileSync(path.join(home, "shots", ending.name), ending.buffer);
  const rows = `image,prompt,duration\n${landscape.name},${prompt} (batch 1),2\nshots/${ending.name},${prompt} (batch 2),3\n`;
  fs.writeFileSync(path.join(home, "rows.csv"), rows);
  const batch = await cli(["batch", "rows.csv", "--yes", "--wait"]);
  expect(batch.code, batch.stderr).toBe(0);
  expect(batch.stderr).toMatch(/^2 +1 +\$0\.032 +ok$/m);
  expect(batch.stderr).toMatch(/^3 +1 +\$0\.048 +ok$/m);
  expect(batch.stderr).toContain("Total: $0.08 for 2 takes");
  expect(batch.stderr).toContain("2 of 2 done");
  expect(batch.stdout).toMatch(/^\S+ {2}2 completed, 0 failed, 0 cancelled, of 2\n$/);

  expect((await request.delete(`/api/tokens/${generateToken.token.id}`)).status()).toBe(204);
  const revoked = await cli(["whoami"]);
  expect(revoked.code).toBe(3);
  expect(revoked.stderr).toContain("This API token was revoked.");
});
