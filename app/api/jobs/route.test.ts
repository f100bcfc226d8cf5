import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, signedIn } from "@/lib/test/app";
import { storedBytes, storedNames } from "@/lib/test/backends";
import { makePng } from "@/lib/test/png";

let sim: Simulator;
let routes: typeof import("./route");
let one: typeof import("./[id]/route");
let cookie = "";

beforeAll(async () => {
  ({ sim } = await setupApp());
  routes = await import("./route");
  one = await import("./[id]/route");
  ({ cookie } = await signedIn("routes@keyframe.test"));
});
afterAll(() => sim.close());

const storedFiles = () => storedNames("inputs");

function form(fields: Record<string, string | Blob>): Request {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request("http://localhost/api/jobs", { method: "POST", body, headers: { cookie } });
}

const good = () => ({
  image: new File([new Uint8Array(makePng(640, 360))], "start.png"),
  prompt: "A runner sprints past the camera",
  duration: "7",
  aspectRatio: "16:9",
  cameraFixed: "true",
  seed: "100",
  enableSafetyChecker: "false",
  variations: "3",
});

async function list(query = "") {
  const res = await routes.GET(new Request(`http://localhost/api/jobs${query}`, { headers: { cookie } }));
  return (await res.json()) as {
    jobs: { id: string; status: string; params: { seed: number }; price: { label: string } }[];
    nextCursor: string | null;
  };
}

describe("POST /api/jobs", () => {
  test("bad input is a 400 naming each field, and leaves nothing behind", async () => {
    const res = await routes.POST(
      form({
        ...good(),
        image: new File([new Uint8Array(makePng(200, 200))], "small.png"),
        lastImage: new File(["not an image"], "end.png"),
        duration: "13",
        seed: "-5",
      }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields).toEqual({
      image: "Image is 200×200 px; it must be at least 300×300 px.",
      lastImage: "Not a JPEG or PNG image (checked by content, not by file name).",
      duration: "Duration must be a whole number from 2 to 12.",
      seed: "Seed must be a whole number from -1 to 2147483647.",
    });
    expect((await list()).jobs).toHaveLength(0);
    expect(await storedFiles()).toEqual([]);
    expect(sim.stats.submitRequests).toBe(0);
  });

  test("a body that is not multipart is a 400", async () => {
    const res = await routes.POST(
      new Request("http://localhost/api/jobs", { method: "POST", body: "{}", headers: { "content-type": "application/json", cookie } }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  test("creates one priced job per variation with consecutive seeds and stores the image once", async () => {
    const fields = good();
    const res = await routes.POST(form(fields));
    expect(res.status).toBe(201);
    const { jobs } = (await res.json()) as { jobs: { id: string; status: string; params: { seed: number }; price: { label: string } }[] };
    expect(jobs.map((j) => j.params.seed)).toEqual([100, 101, 102]);
    expect(jobs.every((j) => j.status === "queued" && j.price.label === "$0.112")).toBe(true);
    expect(jobs.every((j) => /^[A-Za-z0-9_-]{22}$/.test(j.id))).toBe(true);
    const files = await storedFiles();
    expect(files).toHaveLength(1);
    expect(await storedBytes("inputs", files[0]!)).toEqual(Buffer.from(await fields.image.arrayBuffer()));
  });
});

describe("GET /api/jobs", () => {
  test("lists newest first with a cursor that walks every job once", async () => {
    await routes.POST(form({ ...good(), variations: "2", seed: "-1" }));
    const all = (await list("?limit=100")).jobs;
    expect(all.length).toBe(5);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      walked.push(...page.jobs.map((j) => j.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.map((j) => j.id));
  });

  test("a bad limit is a 400 on that field", async () => {
    const res = await routes.GET(new Request("http://localhost/api/jobs?limit=1000", { headers: { cookie } }));
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as { error: { fields: object } }).error.fields)).toEqual(["limit"]);
  });

  test("GET /api/jobs/{id} returns one job, 404 for others", async () => {
    const [first] = (await list()).jobs;
    const ok = await one.GET(new Request("http://x", { headers: { cookie } }), { params: Promise.resolve({ id: first!.id }) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { id: string }).id).toBe(first!.id);
    const missing = await one.GET(new Request("http://x", { headers: { cookie } }), { params: Promise.resolve({ id: "A".repeat(22) }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "No job with that id." } });
  });
});
