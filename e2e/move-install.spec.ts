import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { expect, request as http, test } from "@playwright/test";
import { onServerBackends, serverBackendsEnv } from "../lib/test/backends";
import { jobForm } from "../lib/test/job-form";
import { ADMIN, ADMIN_ENV } from "./support/auth";
import { dataDirFor } from "./support/entry";
import { MOVE_PORT, MOVE_SIM_PORT } from "./support/ports";
import { backendName, freshData, startServer, stopServer } from "./support/server";

test.skip(!onServerBackends(), "needs PostgreSQL and S3 (npm run test:server)");
test.setTimeout(120_000);

const DATA_DIR = "data/e2e-move";
const base = `http://127.0.0.1:${MOVE_PORT}`;
type Job = { id: string; status: string; copy: { state: string }; video: { src: string } | null };

test("npm run move-install copies an embedded install into PostgreSQL and the bucket: sessions, jobs and videos carry over", async () => {
  await freshData(DATA_DIR);
  fs.rmSync(`${DATA_DIR}-after`, { recursive: true, force: true });
  const embedded = { ...ADMIN_ENV, DATA_DIR, SIMULATOR_PORT: String(MOVE_SIM_PORT), SIMULATOR_DELAY_MS: "1500" };
  // An install on the embedded defaults: no DATABASE_URL, no bucket.
  const noBackends = { DATABASE_URL: "", S3_BUCKET: "", S3_ENDPOINT: "", S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "" };
  let server = await startServer(MOVE_PORT, { ...embedded, ...noBackends });
  const api = await http.newContext({ baseURL: base });
  expect((await api.post("/api/session", { data: ADMIN })).status()).toBe(200);
  expect((await api.post("/api/jobs", { multipart: jobForm({ prompt: "A take that moves house" }) })).status()).toBe(201);
  await expect
    .poll(async () => ((await (await api.get("/api/jobs")).json()) as { jobs: Job[] }).jobs[0]?.copy.state, { timeout: 30_000 })
    .toBe("done");
  await stopServer(server, "SIGTERM");

  const target = serverBackendsEnv(backendName(DATA_DIR));
  const { stdout } = await promisify(execFile)("npm", ["run", "move-install", "--", "--data-dir", dataDirFor(DATA_DIR)], {
    env: { ...process.env, ...target },
  });
  expect(stdout).toMatch(/jobs\s+1\s+1/);
  expect(stdout).toMatch(/user\s+1\s+1/);
  expect(stdout).toMatch(/videos\s+1\s+1/);
  expect(stdout).toMatch(/inputs\s+1\s+1/);

  // The same install on PostgreSQL and S3, with a DATA_DIR of its own: the session signed before still works.
  server = await startServer(MOVE_PORT, { ...embedded, DATA_DIR: `${DATA_DIR}-after`, ...target }, backendName(DATA_DIR));
  try {
    const health = (await (await api.get("/api/health")).json()) as { backends: { database: string; storage: string } };
    expect(health.backends).toEqual({ database: "PostgreSQL", storage: "s3" });
    const [job] = ((await (await api.get("/api/jobs")).json()) as { jobs: Job[] }).jobs;
    expect(job?.status).toBe("completed");
    const video = await api.get(job!.video!.src, { headers: { range: "bytes=0-11" } });
    expect(video.status()).toBe(206);
    expect((await video.body()).toString("latin1", 4, 8)).toBe("ftyp");
  } finally {
    await stopServer(server);
  }
});
