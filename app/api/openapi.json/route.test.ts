import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp, TEST_KEY } from "@/lib/test/app";

let sim: Simulator;
let dataDir: string;
let route: typeof import("./route");

beforeAll(async () => {
  ({ sim, dataDir } = await setupApp());
  route = await import("./route");
});
afterAll(() => sim.close());

describe("GET /api/openapi.json", () => {
  test("answers anyone, names the address they reached as its server, may be cached, and holds no secret", async () => {
    const { proxy } = await import("@/proxy");
    for (const path of ["/api/openapi.json", "/docs/api", "/docs/api/jobs", "/docs/api/schemas"]) {
      const gate = proxy(new NextRequest(`http://keyframe.test${path}`));
      expect(gate.status, path).toBe(200);
      expect(gate.headers.get("x-middleware-next"), path).toBe("1");
    }
    // Without the OPEN entry the same gate refuses: the check above can fail.
    expect(proxy(new NextRequest("http://keyframe.test/api/openapi.yaml")).status).toBe(401);

    const res = await route.GET(
      new Request("http://10.0.0.5:3000/api/openapi.json", {
        headers: { "x-forwarded-host": "studio.example", "x-forwarded-proto": "https" },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("vary")).toContain("X-Forwarded-Host");
    const text = await res.text();
    const doc = JSON.parse(text) as { openapi: string; servers: { url: string }[]; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://studio.example" }]);
    expect(Object.keys(doc.paths)).toContain("/api/jobs");
    expect(text).not.toContain(TEST_KEY);
    expect(text).not.toContain(dataDir);
  });
});
