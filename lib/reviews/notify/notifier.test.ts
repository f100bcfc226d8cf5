import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import type { StoryboardView } from "@/lib/storyboards/types";
import { setupApp, signedIn, testWorker } from "@/lib/test/app";
import { jobForm } from "@/lib/test/job-form";
import { call, savedJob } from "@/lib/test/routes";

let sim: Simulator;
let receiver: http.Server;
let receiverUrl = "";
const received: { body: string; type: string | undefined }[] = [];
let failNext = 0;
let shared: { token: string; boardId: string; jobId: string } | undefined;

beforeAll(async () => {
  ({ sim } = await setupApp());
  await testWorker({ pollMaxMs: 300 });
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ body, type: req.headers["content-type"] });
      res.statusCode = failNext-- > 0 ? 500 : 200;
      res.end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T000/B000/xyz`;
});
afterAll(async () => {
  await (await import("@/lib/jobs/registry")).getWorker()?.stop();
  await sim.close();
  await new Promise((r) => receiver.close(r));
});

describe("batched review notifications", () => {
  test("comments and decisions go to the admin's webhook once per batch, escaped, from one of two instances", async () => {
    const { cookie } = await signedIn("notify@keyframe.test");
    const member = await signedIn("member-notify@keyframe.test", "member");
    const settings = await import("@/app/api/admin/review-notify/route");
    expect((await call(settings, "PUT", { cookie: member.cookie, body: { slackUrl: receiverUrl } })).status).toBe(403);
    expect((await call(settings, "PUT", { cookie, body: { slackUrl: "ftp://example.com/x" } })).status).toBe(400);
    const put = await call<Record<string, unknown>>(settings, "PUT", { cookie, body: { slackUrl: receiverUrl } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ slackConfigured: true, slackHost: new URL(receiverUrl).host });
    expect(JSON.stringify(put.body)).not.toContain("/services/");

    const jobs = await import("@/app/api/jobs/route");
    const res = await jobs.POST(
      new Request("http://keyframe.test/api/jobs", {
        method: "POST",
        body: jobForm({ prompt: "Rain on a tin roof" }),
        headers: { cookie },
      }),
    );
    const id = ((await res.json()) as { jobs: { id: string }[] }).jobs[0]!.id;
    await savedJob(id);
    const board = (
      await call<StoryboardView>(await import("@/app/api/storyboards/route"), "POST", {
        cookie,
        body: { name: "Tin & roof <3", jobIds: [id] },
      })
    ).body;
    const token = (
      await call<{ id: string }>(await import("@/app/api/review-links/route"), "POST", { cookie, body: { storyboardId: board.id } })
    ).body.id;
    const shotKey = board.shots[0]!.id;
    shared = { token, boardId: board.id, jobId: id };
    const decide = await call(await import("@/app/api/review/[token]/decisions/route"), "POST", {
      params: { token },
      headers: { "x-keyframe-peer": "192.0.2.9" },
      body: { reviewerId: "reviewer-notify-000001", name: "Noor", shotKey, decision: "changes_requested" },
    });
    expect(decide.status).toBe(200);
    // A comment on the picture, as the picture helper's route writes it.
    const { getDb } = await import("@/lib/db/client");
    const { db, t } = await getDb();
    await db.insert(t.reviewComments).values({
      id: "comment-notify-0000001",
      linkId: token,
      storyboardId: board.id,
      jobId: id,
      author: "reviewer",
      reviewerId: "reviewer-notify-000001",
      name: "Noor",
      body: "Louder rain <!channel> here",
      atMs: 2000,
      createdAt: Date.now(),
    });

    const { ReviewNotifier } = await import("./notifier");
    const one = new ReviewNotifier({ instanceId: "one", batchMs: 60_000, origin: "https://keyframe.example" });
    const two = new ReviewNotifier({ instanceId: "two", batchMs: 60_000, origin: "https://keyframe.example" });
    expect(await one.tick()).toBe(false);
    expect(received).toHaveLength(0);
    const later = Date.now() + 61_000;
    // A receiver that fails keeps the batch: the next look sends the same one again.
    failNext = 1;
    expect(await two.tick(later)).toBe(false);
    expect((await call<Record<string, unknown>>(settings, "GET", { cookie })).body.lastError).toBe("The webhook answered 500.");
    received.length = 0;
    const sent = await Promise.all([one.tick(later), two.tick(later)]);
    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.type).toBe("application/json");
    expect(JSON.parse(received[0]!.body)).toEqual({
      text: [
        "Keyframe review: 2 new comments and decisions",
        "",
        `<https://keyframe.example/storyboards/${board.id}|“Tin &amp; roof &lt;3”>`,
        "• Noor asked for changes on shot 1",
        "• Noor commented at 0:02.0: “Louder rain &lt;!channel&gt; here”",
      ].join("\n"),
    });
    // Sent once: the cursor moved, nothing new is due.
    expect(await one.tick(later + 120_000)).toBe(false);
    expect(received).toHaveLength(1);
    const view = await call<Record<string, unknown>>(settings, "GET", { cookie });
    expect(view.body).toMatchObject({ slackConfigured: true, lastError: null, lastSentAt: expect.any(String) });
    expect(JSON.stringify(view.body)).not.toContain("/services/");
  }, 60_000);

  test("a batch cut between two comments of the same millisecond sends both, one per batch, none twice", async () => {
    const { token, boardId, jobId } = shared!;
    const { getDb } = await import("@/lib/db/client");
    const { MAX_BATCH } = await import("./notifier");
    const { db, t } = await getDb();
    const start = Date.now() + 200_000;
    // MAX_BATCH + 1 notes; the last two share one millisecond, so a cut at MAX_BATCH falls between them.
    await db.insert(t.reviewComments).values(
      Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({
        id: `comment-tie-${String(i).padStart(10, "0")}`,
        linkId: token,
        storyboardId: boardId,
        jobId,
        author: "reviewer" as const,
        reviewerId: "reviewer-notify-000002",
        name: "Ines",
        body: `note ${i}`,
        atMs: 0,
        createdAt: start + Math.min(i, MAX_BATCH - 1),
      })),
    );
    const { ReviewNotifier } = await import("./notifier");
    const one = new ReviewNotifier({ instanceId: "tie", batchMs: 60_000 });
    received.length = 0;
    const later = start + 120_000;
    expect(await one.tick(later)).toBe(true);
    expect(await one.tick(later)).toBe(true);
    expect(await one.tick(later)).toBe(false);
    const notes = received.flatMap((r) =>
      [...(JSON.parse(r.body) as { text: string }).text.matchAll(/“note (\d+)”/g)].map((m) => Number(m[1])),
    );
    expect(notes.sort((a, b) => a - b)).toEqual(Array.from({ length: MAX_BATCH + 1 }, (_, i) => i));
  }, 60_000);
});
