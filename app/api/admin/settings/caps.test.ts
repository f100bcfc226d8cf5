import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";

let sim: Simulator;
let admin = { cookie: "", id: "" };
let member = { cookie: "", id: "" };
let m: { settings: typeof import("./route"); jobs: typeof import("../../jobs/route") };

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = { settings: await import("./route"), jobs: await import("../../jobs/route") };
  admin = await signedIn("ada@keyframe.test");
  member = await signedIn("grace@keyframe.test", "member");
});
afterAll(() => sim.close());

type Refusal = {
  cap: string;
  label: string;
  limitMicros: number;
  teamSpentMicros: number | null;
  members: { name: string; you: boolean; spentMicros: number }[];
};
type Answer = Record<string, unknown> & { error?: { code: string; message: string; refusals?: Refusal[] } };

const current = async () =>
  (await (
    await m.settings.GET(new Request("http://keyframe.test/api/admin/settings", { headers: { cookie: admin.cookie } }))
  ).json()) as Record<string, unknown>;

async function put(patch: Record<string, unknown>): Promise<{ status: number; body: Answer }> {
  const body = JSON.stringify({ ...(await current()), ...patch });
  const req = new Request("http://keyframe.test/api/admin/settings", {
    method: "PUT",
    body,
    headers: { cookie: admin.cookie, "content-type": "application/json" },
  });
  const res = await m.settings.PUT(req);
  return { status: res.status, body: (await res.json()) as Answer };
}

const generate = (cookie: string) =>
  m.jobs.POST(
    new Request("http://keyframe.test/api/jobs", { method: "POST", body: jobForm({ prompt: "A cap check" }), headers: { cookie } }),
  );

describe("a new cap says whom it would refuse before it is saved", () => {
  beforeAll(async () => {
    await put({ submitsPerMinute: 600 });
    // The admin spends $0.096 today (three 2 s takes); the member nothing.
    for (let i = 0; i < 3; i++) expect((await generate(admin.cookie)).status).toBe(201);
  });

  test("a per-member cap below the admin's own spend today: 409 naming them as you, nothing saved", async () => {
    const res = await put({ memberDailyCapUsd: 0.05 });
    expect(res.status).toBe(409);
    expect(res.body.error!.code).toBe("conflict");
    expect(res.body.error!.message).toBe(
      "These caps would refuse a Generate right now: Per member, per day $0.05 refuses you. Confirm to save them anyway.",
    );
    expect(res.body.error!.refusals).toEqual([
      {
        cap: "memberDailyCapUsd",
        label: "Per member, per day",
        window: "today",
        limitMicros: 50_000,
        teamSpentMicros: null,
        members: [{ id: admin.id, name: "ada", you: true, spentMicros: 96_000 }],
      },
    ]);
    expect((await current()).memberDailyCapUsd).toBeNull();
    expect((await generate(admin.cookie)).status).toBe(201);
  });

  test("confirmed, it is saved (and the admin's next Generate is refused, as they were told)", async () => {
    const res = await put({ memberDailyCapUsd: 0.05, confirmRefusals: true });
    expect(res.status).toBe(200);
    const saved = await current();
    expect(saved.memberDailyCapUsd).toBe(0.05);
    expect(saved).not.toHaveProperty("confirmRefusals");
    expect((await generate(admin.cookie)).status).toBe(403);
    expect((await generate(member.cookie)).status).toBe(201);
    // Saving it again, or raising it, refuses no one new: no question.
    expect((await put({ balanceWarnUsd: 3 })).status).toBe(200);
    expect((await put({ memberDailyCapUsd: null })).status).toBe(200);
  });

  test("a team cap the team has already used up names everyone; one with room for a take asks nothing", async () => {
    const res = await put({ teamDailyCapUsd: 0.15 });
    expect(res.status).toBe(409);
    const [refusal] = res.body.error!.refusals!;
    expect(refusal!.teamSpentMicros).toBe(160_000);
    expect(refusal!.members.map((x) => [x.name, x.you])).toEqual([
      ["ada", true],
      ["grace", false],
    ]);
    expect(res.body.error!.message).toContain("Whole team, per day $0.15 refuses everyone (the team spent $0.16 today)");
    expect((await put({ teamDailyCapUsd: 0.192 })).status).toBe(200);
  });

  test("a monthly cap of $0 refuses even a member who spent nothing", async () => {
    const res = await put({ memberMonthlyCapUsd: 0 });
    expect(res.status).toBe(409);
    expect(res.body.error!.refusals![0]!.members.map((x) => x.name)).toEqual(["ada", "grace"]);
  });
});
