import { afterAll, beforeAll, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, TEST_KEY, TEST_USER, testWorker, until } from "@/lib/test/app";
import { makePng } from "@/lib/test/png";
import { WaveSpeedClient } from "@/lib/wavespeed/client";

// The install's key is one WaveSpeed (the simulator) refuses.
let sim: Simulator;
let admin = "";
let member = "";

beforeAll(async () => {
  ({ sim } = await setupApp({ WAVESPEED_API_KEY: "revoked-key-0123456789" }));
  admin = (await signedIn("boss@keyframe.test", "admin")).cookie;
  member = (await signedIn("member@keyframe.test", "member")).cookie;
});
afterAll(() => sim.close());

type Answer = { keyRefused?: { status: number; notice: string } | null; balance?: { usd: number | null; error: string | null } };
async function spend(cookie: string): Promise<Answer> {
  const { GET } = await import("./route");
  const res = await GET(new Request("http://keyframe.test/api/spend", { headers: { cookie } }));
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
}

test("admins read WaveSpeed's refusal of the key in /api/spend until a balance check passes; members never do", async () => {
  const { generateSchema } = await import("@/lib/validations/generate");
  const { GENERATE_DEFAULTS } = await import("@/lib/validations/generate-defaults");
  const { createJobs } = await import("@/lib/jobs/create");
  const { getJob } = await import("@/lib/db/queries/jobs");
  const request = await generateSchema.parseAsync({
    ...GENERATE_DEFAULTS,
    image: new File([new Uint8Array(makePng(400, 400))], "a.png"),
    prompt: "A refused key",
    duration: 2,
  });
  const [job] = (await createJobs(request, { user: TEST_USER, origin: "http://keyframe.test" })).jobs;
  expect(await spend(admin)).toMatchObject({ keyRefused: null });

  const refused = await testWorker({ keyCheckMs: 60_000 });
  const seen = await until(async () => (await spend(admin)).keyRefused ?? undefined);
  expect(seen.notice).toBe(
    "WaveSpeed refused the API key (401: Unauthorized: invalid API key). Check WAVESPEED_API_KEY in the server's environment and the account it belongs to at wavespeed.ai; no job is sent or checked meanwhile, and polling resumes by itself once WaveSpeed accepts it.",
  );
  expect(await spend(member)).not.toHaveProperty("keyRefused");
  // Refused at the image's upload, before any submit: the job waits for the key.
  expect(sim.stats.submitRequests).toBe(0);
  expect(await until(async () => ((await getJob(job!.id))?.status === "queued" ? true : undefined))).toBe(true);
  await refused.stop();

  // The key is put right: the worker's next balance check clears the refusal and the job goes through.
  const worker = await testWorker({ keyCheckMs: 100 }, new WaveSpeedClient({ baseUrl: sim.url, apiKey: TEST_KEY, timeoutMs: 1000 }));
  try {
    await until(async () => (await getJob(job!.id))?.status === "completed", 15_000);
    expect((await spend(admin)).keyRefused).toBeNull();
  } finally {
    await worker.stop();
  }
});
