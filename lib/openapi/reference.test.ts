// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { apiDocument } from "./document";
import { referenceOf, type ApiDocumentJson } from "./reference";

const origin = "https://studio.example";
const { tags, schemas } = referenceOf(apiDocument(origin) as unknown as ApiDocumentJson, origin);
const op = (id: string) => tags.flatMap((t) => t.operations).find((o) => o.id === id)!;

describe("the reference page's reading of the document", () => {
  test("Generate: multipart fields with their types, required marks and limits, and a curl example with a token", () => {
    const generate = op("createJobs");
    expect(generate).toMatchObject({ method: "post", path: "/api/jobs", access: "Token scope generate or admin; or a signed-in member." });
    const fields = Object.fromEntries(generate.bodies[0]!.variants[0]!.map((f) => [f.name, f]));
    expect(generate.bodies[0]!.mediaType).toBe("multipart/form-data");
    expect(fields.image).toMatchObject({ type: "file or URL", required: true });
    expect(fields.lastImage).toMatchObject({ required: false });
    expect(fields.duration).toMatchObject({ type: "integer", required: true, notes: ["2 to 15"] });
    expect(fields.duration!.description).toContain("Lite 480p 2-12");
    expect(fields.prompt!.notes).toEqual(["at most 2000 characters"]);
    expect(fields.aspectRatio!.notes[0]).toBe('one of "auto", "21:9", "16:9", "4:3", "1:1", "3:4", "9:16"');
    expect(generate.curl).toContain('curl -X POST "https://studio.example/api/jobs"');
    expect(generate.curl).toContain('-H "Authorization: Bearer $KEYFRAME_TOKEN"');
    expect(generate.curl).toContain('-H "Idempotency-Key: $(uuidgen)"');
    expect(generate.curl).toContain('-F "image=@start.png"');
    expect(generate.curl).toContain('-F "duration=2"');
    expect(generate.responses.map((r) => [r.status, r.ref])).toContainEqual(["201", "JobList"]);
    expect(generate.responses.map((r) => [r.status, r.ref])).toContainEqual(["409", "DuplicateError"]);
  });

  test("JSON bodies, unions, path parameters and public routes read as a person would say them", () => {
    const link = op("createReviewLink");
    expect(link.bodies[0]!.variants.map((v) => v.map((f) => f.name))).toEqual([["storyboardId"], ["jobIds"]]);
    expect(link.curl).toContain(`-d '{"storyboardId":"…"}'`);
    const shot = op("generateForShot");
    expect(shot.curl).toContain('"https://studio.example/api/storyboards/$ID/shots/$SHOT_ID/continue"');
    expect(shot.params.map((p) => p.name)).toEqual(["id (path)", "shotId (path)", "action (path)", "idempotency-key (header)"]);
    expect(op("health")).toMatchObject({ access: "No sign-in needed." });
    expect(op("health").curl).not.toContain("Authorization");
    expect(op("getTeamSettings").access).toMatch(/^Admins/);
    expect(op("listJobs").access).toMatch(/^Token scope read/);
    const jobView = schemas.find((s) => s.name === "JobView")!;
    expect(jobView.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(["status", "video.src", "params.seed", "review.comments[].text"]),
    );
    expect(jobView.fields.find((f) => f.name === "status")!.notes[0]).toMatch(/^one of "queued"/);
  });
});
