import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { core } from "zod";
import { z } from "zod";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn, testWorker } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { call, savedJob } from "@/lib/test/routes";
import { apiDocument } from "@/lib/openapi/document";
import {
  presetViewSchema,
  reviewLinkCreatedSchema,
  reviewSchema,
  storyboardListSchema,
  storyboardSchema,
} from "@/lib/openapi/schemas/boards";
import { errorBodySchema } from "@/lib/openapi/schemas/common";
import { jobListSchema, jobPageSchema, jobViewSchema } from "@/lib/openapi/schemas/jobs";
import { healthSchema, memberListSchema, spendSchema, teamSettingsViewSchema } from "@/lib/openapi/schemas/team";

let sim: Simulator;
let cookie = "";
const doc = apiDocument("http://keyframe.test");

beforeAll(async () => {
  ({ sim } = await setupApp());
  await testWorker({ pollMaxMs: 300 });
  ({ cookie } = await signedIn("openapi@keyframe.test"));
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
});

/** A real answer: its status is one the document lists for the operation, and its body parses with the documented schema. */
function expectDocumented(method: string, path: string, answer: { status: number; body: unknown }, schema: core.$ZodType) {
  const op = (doc.paths?.[path] as Record<string, { responses: Record<string, unknown> }> | undefined)?.[method];
  expect(Object.keys(op?.responses ?? {}), `${method} ${path}`).toContain(String(answer.status));
  const parsed = z.safeParse(schema, answer.body);
  expect(parsed.success ? [] : parsed.error.issues, `${method} ${path} ${answer.status}`).toEqual([]);
}

describe("real answers match the documented schemas", () => {
  test("a take through its life, a board, presets, a review, spend, members, settings, health and a refusal", async () => {
    const jobs = await import("@/app/api/jobs/route");
    const created = await jobs.POST(new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm(), headers: { cookie } }));
    const createdBody = (await created.json()) as { jobs: { id: string }[] };
    expectDocumented("post", "/api/jobs", { status: created.status, body: createdBody }, jobListSchema);
    const id = createdBody.jobs[0]!.id;
    await savedJob(id);

    const one = await call(await import("@/app/api/jobs/[id]/route"), "GET", { cookie, params: { id } });
    expectDocumented("get", "/api/jobs/{id}", one, jobViewSchema);
    expect(one.body).toMatchObject({ status: "completed", video: { stored: true } });
    expectDocumented(
      "put",
      "/api/jobs/{id}/star",
      await call(await import("@/app/api/jobs/[id]/star/route"), "PUT", { cookie, params: { id } }),
      jobViewSchema,
    );
    expectDocumented("get", "/api/jobs", await call(jobs, "GET", { cookie, url: "/api/jobs" }), jobPageSchema);

    const boards = await import("@/app/api/storyboards/route");
    const board = await call<{ id: string }>(boards, "POST", { cookie, body: { name: "Documented", jobIds: [id] } });
    expectDocumented("post", "/api/storyboards", board, storyboardSchema);
    expectDocumented("get", "/api/storyboards", await call(boards, "GET", { cookie }), storyboardListSchema);
    const link = await call(await import("@/app/api/review-links/route"), "POST", { cookie, body: { storyboardId: board.body.id } });
    expectDocumented("post", "/api/review-links", link, reviewLinkCreatedSchema);
    const token = (link.body as { url: string }).url.split("/r/")[1]!;
    expectDocumented(
      "get",
      "/api/review/{token}",
      await call(await import("@/app/api/review/[token]/route"), "GET", { params: { token } }),
      reviewSchema,
    );

    const presets = await call<{ presets: unknown[] }>(await import("@/app/api/presets/route"), "GET", { cookie });
    expectDocumented("get", "/api/presets", presets, z.object({ presets: z.array(presetViewSchema) }));
    expect(presets.body.presets.length).toBeGreaterThan(0);
    expectDocumented("get", "/api/spend", await call(await import("@/app/api/spend/route"), "GET", { cookie }), spendSchema);
    expectDocumented(
      "get",
      "/api/admin/members",
      await call(await import("@/app/api/admin/members/route"), "GET", { cookie }),
      memberListSchema,
    );
    expectDocumented(
      "get",
      "/api/admin/settings",
      await call(await import("@/app/api/admin/settings/route"), "GET", { cookie }),
      teamSettingsViewSchema,
    );
    expectDocumented("get", "/api/health", await call(await import("@/app/api/health/route"), "GET"), healthSchema);

    const refused = await call(boards, "POST", { cookie, body: { name: "" } });
    expectDocumented("post", "/api/storyboards", refused, errorBodySchema);
    expect(refused.body).toMatchObject({ error: { code: "validation_failed", fields: { name: expect.any(String) } } });
  });
});
