// backend-free: reads the repository's files, no database or object store
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, test } from "vitest";
import { apiDocument } from "./document";
import { apiRoutes, HTTP_METHODS } from "./route-files";

const doc = apiDocument("https://keyframe.example");
// WaveSpeed's own deliveries to Keyframe (signed by WaveSpeed), not an API for callers.
const NOT_PUBLIC = ["post /api/webhooks/wavespeed"];

const documented = () =>
  Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
    HTTP_METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((m) => `${m} ${p}`),
  );

describe("the OpenAPI document", () => {
  test("is valid OpenAPI 3.1, by @readme/openapi-parser (and a broken copy is not)", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://keyframe.example" }]);

    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    broken.paths["/api/jobs"]!.post!.responses["201"] = { content: {} };
    expect((await validate(broken as never)).valid).toBe(false);
  });

  test("documents every method of every route file, and nothing that no route answers", () => {
    const routes = apiRoutes(path.resolve(import.meta.dirname, "../..")).map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(40);
    const publicRoutes = routes.filter((r) => !NOT_PUBLIC.includes(r));
    expect(
      publicRoutes.filter((r) => !documented().includes(r)),
      "routes without documentation",
    ).toEqual([]);
    expect(
      documented().filter((r) => !publicRoutes.includes(r)),
      "documented but no route answers",
    ).toEqual([]);
  });

  test("every operation has an id, a tag, a summary, a 2xx answer and security; every refusal shares the Error body", () => {
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(doc.paths ?? {})) {
      for (const m of HTTP_METHODS) {
        const op = (
          item as Record<
            string,
            { operationId: string; summary: string; security: unknown; responses: Record<string, unknown> } | undefined
          >
        )[m];
        if (!op) continue;
        const where = `${m} ${p}`;
        expect(op.operationId, where).toBeTruthy();
        expect(ids.has(op.operationId), `${where}: operationId repeats`).toBe(false);
        ids.add(op.operationId);
        expect(op.summary, where).toBeTruthy();
        expect(op.security, where).toBeDefined();
        const statuses = Object.keys(op.responses);
        expect(
          statuses.some((s) => s.startsWith("2")),
          where,
        ).toBe(true);
        for (const s of statuses.filter((s) => Number(s) >= 400)) {
          const schema = (op.responses[s] as { content?: Record<string, { schema: { $ref?: string } }> }).content?.["application/json"]
            ?.schema;
          expect(schema?.$ref, `${where} ${s}`).toMatch(/^#\/components\/schemas\/(Error|DuplicateError|BatchError|Health)$/);
        }
      }
    }
  });
});
