// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("contentSecurityPolicy", () => {
  test("scripts need this request's nonce; nothing may frame, embed or rebase the page", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(directive(policy, "script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(policy, "frame-ancestors")).toBe("'none'");
    expect(directive(policy, "object-src")).toBe("'none'");
    expect(directive(policy, "base-uri")).toBe("'self'");
    expect(directive(policy, "form-action")).toBe("'self'");
  });

  test("image and video previews from typed URLs, local files and WaveSpeed's CDN still load", () => {
    const policy = contentSecurityPolicy("n");
    expect(directive(policy, "img-src")).toBe("'self' blob: data: http: https:");
    expect(directive(policy, "media-src")).toBe("'self' blob: http: https:");
  });

  test("eval is allowed only in development", () => {
    expect(contentSecurityPolicy("n")).not.toContain("'unsafe-eval'");
    expect(directive(contentSecurityPolicy("n", { dev: true }), "script-src")).toContain("'unsafe-eval'");
  });
});

test("a nonce is 128 random bits, different every time", () => {
  const nonces = new Set(Array.from({ length: 100 }, newNonce));
  expect(nonces.size).toBe(100);
  for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
});
