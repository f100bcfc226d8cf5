// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { safeNextPath } from "./next-path";

const ORIGIN = "https://keyframe.example.com";

describe("safeNextPath", () => {
  test.each([
    ["/", "/"],
    ["/compare?ids=a,b", "/compare?ids=a,b"],
    ["/admin#members", "/admin#members"],
    ["/v/abc/../../admin", "/admin"],
  ])("follows %j on this origin as %j", (next, path) => {
    expect(safeNextPath(next, ORIGIN)).toBe(path);
  });

  test.each([
    "/\\evil.example/",
    "/\t/evil.example",
    "\\\\evil.example",
    "//evil.example/x",
    "/\n/evil.example",
    "https://evil.example/",
    "http://keyframe.example.com/",
    "https://keyframe.example.com.evil.example/",
    "javascript:alert(1)",
    "data:text/html,hi",
    "",
  ])("sends %j home instead", (next) => {
    expect(safeNextPath(next, ORIGIN)).toBe("/");
  });

  test("a full URL on this origin becomes its path", () => {
    expect(safeNextPath(`${ORIGIN}/compare?ids=a`, ORIGIN)).toBe("/compare?ids=a");
  });
});
