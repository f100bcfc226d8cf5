// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { unglued } from "./glued-link";

const token = "AbC-d_0123456789xyzXYZ";

describe("a link with something glued to its end", () => {
  test.each([")", ".", "%20", "%E2%80%8B", ").", "%22", "%E2%80%9D", ">", ",", "!", "%C2%A0", "*"])(
    "/r/<token>%s is /r/<token>",
    (tail) => {
      expect(unglued(`/r/${token}${tail}`)).toBe(`/r/${token}`);
      expect(unglued(`/v/${token}${tail}`)).toBe(`/v/${token}`);
      expect(unglued(`/f/${token}${tail}`)).toBe(`/f/${token}`);
    },
  );

  test.each([`/r/${token}`, `/r/${token})x`, `/r/${token}%E0%A4`, `/r/${token}/takes/x)`, `/api/review/${token})`, `/s/${token})`, "/r/)"])(
    "%s is left alone",
    (path) => expect(unglued(path)).toBeNull(),
  );
});
