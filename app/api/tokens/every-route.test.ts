import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { OPEN_ROUTES, ROUTE_METHODS, callRoute } from "@/lib/test/api-routes";
import { setupApp, signedIn } from "@/lib/test/app";

/** Every route that takes a member takes a bearer token the same way, through requireUser / currentUser. */

let sim: Simulator;
let boss: { cookie: string; id: string };
const secrets: Record<"read" | "generate" | "admin" | "revoked", string> = { read: "", generate: "", admin: "", revoked: "" };

beforeAll(async () => {
  ({ sim } = await setupApp());
  boss = await signedIn("boss@keyframe.test", "admin");
  const { makeToken, revokeTokenById } = await import("@/lib/auth/tokens");
  const user = { id: boss.id, email: "boss@keyframe.test", name: "boss", role: "admin" as const };
  for (const scope of ["read", "generate", "admin"] as const) secrets[scope] = (await makeToken({ name: scope, scope }, user)).secret;
  const revoked = await makeToken({ name: "Old", scope: "admin" }, user);
  await revokeTokenById(revoked.token.id, user);
  secrets.revoked = revoked.secret;
});
afterAll(() => sim.close());

const bearer = (secret: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${secret}`, ...extra });
const errorOf = async (res: Response) => ((await res.json().catch(() => ({}))) as { error?: { message: string } }).error?.message ?? "";
const tokenRoute = (name: string) => / \/api\/tokens/.test(name);
const adminRoute = (name: string) => / \/api\/admin\//.test(name);
const media = (name: string) => / \/media\//.test(name);

describe("a bearer token on every route", () => {
  test.each(ROUTE_METHODS.filter(([name]) => !tokenRoute(name)))(
    "%s: a revoked token is 401, cookies beside it ignored",
    async (name, load, method) => {
      const res = await callRoute(await load(), method, bearer(secrets.revoked, { cookie: boss.cookie }));
      expect(res.status).toBe(401);
      if (!media(name)) expect(await errorOf(res)).toBe("This API token was revoked. Make a new one on the API page.");
    },
  );

  test.each(ROUTE_METHODS.filter(([name]) => !tokenRoute(name)))(
    "%s: a read-only token reads, and changes nothing",
    async (name, load, method) => {
      const res = await callRoute(await load(), method, bearer(secrets.read));
      if ((method === "GET" || method === "HEAD") && !adminRoute(name)) {
        expect([401, 403]).not.toContain(res.status);
      } else if (method === "GET") {
        expect(res.status).toBe(403);
        expect(await errorOf(res)).toMatch(/scope is not admin/);
      } else {
        expect(res.status).toBe(403);
        expect(await errorOf(res)).toMatch(/^This token is read-only/);
      }
    },
  );

  test.each(ROUTE_METHODS.filter(([name]) => adminRoute(name)))(
    "%s needs an admin's token with the admin scope",
    async (_name, load, method) => {
      const generate = await callRoute(await load(), method, bearer(secrets.generate));
      expect(generate.status).toBe(403);
      expect(await errorOf(generate)).toBe(
        "This token's scope is not admin: admin routes need an admin's token made with the admin scope.",
      );
      const admin = await callRoute(await load(), method, bearer(secrets.admin));
      expect([401, 403]).not.toContain(admin.status);
    },
  );

  test.each(ROUTE_METHODS.filter(([name]) => tokenRoute(name)))("%s refuses every token, even an admin's", async (_name, load, method) => {
    const res = await callRoute(await load(), method, bearer(secrets.admin, { cookie: boss.cookie }));
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatch(/^API tokens are managed from a browser session/);
  });
});

/** Every route file under app/api and app/media, with the methods it exports, as "METHOD /path". */
function routeFiles(): string[] {
  const found: string[] = [];
  for (const top of ["app/api", "app/media"]) {
    for (const file of fs.readdirSync(top, { recursive: true, encoding: "utf8" })) {
      if (path.basename(file) !== "route.ts") continue;
      const route = `/${path.join(top.replace(/^app\//, ""), path.dirname(file))}`.replace(/\/\.$/, "");
      if (OPEN_ROUTES.includes(route)) continue;
      const source = fs.readFileSync(path.join(top, file), "utf8");
      for (const [, method] of source.matchAll(/export (?:async function|const) (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)) {
        found.push(`${method} ${route}`);
      }
    }
  }
  return found.sort();
}

test("the list every route check walks names every route that needs a member, and no other", () => {
  expect(ROUTE_METHODS.map(([name]) => name).sort()).toEqual(routeFiles());
});
