import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp } from "@/lib/test/app";

let sim: Simulator;
let dataDir: string;
beforeAll(async () => {
  ({ sim, dataDir } = await setupApp());
});
afterAll(() => sim.close());

const send = async (code: string, email = "first@keyframe.test") => {
  const { POST } = await import("./route");
  return POST(
    new Request("http://keyframe.test/api/setup", {
      method: "POST",
      body: JSON.stringify({ code, name: "First", email, password: "correct horse battery" }),
    }),
  );
};

test("first run: the setup code from the server creates the admin once, and signs them in", async () => {
  const { bootstrapAccounts, hasUsers } = await import("@/lib/auth/setup");
  await bootstrapAccounts();
  const code = fs.readFileSync(path.join(dataDir, "setup-code"), "utf8").trim();
  expect(code).toMatch(/^[0-9A-F]{12}$/);

  const wrong = await send("000000000000");
  expect(wrong.status).toBe(403);
  expect(await hasUsers()).toBe(false);

  const ok = await send(code.toLowerCase());
  expect(ok.status).toBe(201);
  expect(ok.headers.get("set-cookie")).toMatch(/keyframe\.session_token=/);
  expect(await hasUsers()).toBe(true);
  expect(fs.existsSync(path.join(dataDir, "setup-code"))).toBe(false);

  const again = await send(code, "second@keyframe.test");
  expect(again.status).toBe(403);
  const { listMembers } = await import("@/lib/team/members");
  expect((await listMembers()).map((m) => [m.email, m.role])).toEqual([["first@keyframe.test", "admin"]]);
});
