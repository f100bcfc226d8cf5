import { expect, type APIRequestContext } from "@playwright/test";
import { jobForm } from "../../lib/test/job-form";

type Job = {
  id: string;
  status: string;
  prompt: string;
  params: { seed: number };
  shareUrl: string | null;
  video: { poster: string | null } | null;
};

/** Generates through the API (faster than the form where the form is not what a test is about). */
export async function createJobs(request: APIRequestContext, prompt: string, fields: Record<string, string> = {}): Promise<Job[]> {
  const res = await request.post("/api/jobs", {
    multipart: jobForm({ prompt, ...fields }, { width: 640, height: 360, tint: [40, 120, 200] }),
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { jobs: Job[] }).jobs;
}

/** Waits until every job is completed with Keyframe's own copy (a poster). */
export async function savedJobs(request: APIRequestContext, ids: string[]): Promise<Job[]> {
  let jobs: Job[] = [];
  await expect
    .poll(
      async () => {
        jobs = await Promise.all(ids.map(async (id) => (await (await request.get(`/api/jobs/${id}`)).json()) as Job));
        return jobs.every((j) => j.status === "completed" && j.video?.poster);
      },
      { timeout: 45_000 },
    )
    .toBe(true);
  return jobs;
}
