import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, test } from "vitest";
import { config } from "@/proxy";

const runsProxy = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("which requests pass through proxy.ts", () => {
  test("not the gallery's changes poll, which checks its session itself", () => {
    expect(runsProxy("/api/jobs/changes")).toBe(false);
    expect(runsProxy("/api/jobs/changes?since=MTIzLjQ1Ni43ODk&status=failed")).toBe(false);
  });

  test("every path beside it does: pages, media, and the routes that change state", () => {
    for (const url of [
      "/",
      "/sign-in",
      "/api/jobs",
      "/api/jobs?limit=24",
      // A job's routes, whatever its id: a cross-site POST there must still be refused by the proxy.
      "/api/jobs/changes/share",
      "/api/jobs/changes/retry",
      "/api/jobs/changesx",
      "/api/jobs/AAAAAAAAAAAAAAAAAAAAAA",
      "/api/session",
      "/media/videos/AAAAAAAAAAAAAAAAAAAAAA.mp4",
      "/r/some-token",
    ]) {
      expect(runsProxy(url), url).toBe(true);
    }
  });
});
