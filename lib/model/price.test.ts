// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { formatUsd, priceMicros } from "./price";

describe("price", () => {
  test.each([
    [5, 1, "$0.08"],
    [10, 1, "$0.16"],
    [7, 1, "$0.112"],
    [12, 2, "$0.384"],
    [2, 1, "$0.032"],
    [12, 4, "$0.768"],
  ])("%i s x %i videos costs %s", (duration, videos, label) => {
    expect(formatUsd(priceMicros(duration, videos))).toBe(label);
  });

  test("formats whole dollars and keeps two decimals", () => {
    expect(formatUsd(1_000_000)).toBe("$1.00");
    expect(formatUsd(1_500_000)).toBe("$1.50");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(-80_000)).toBe("-$0.08");
  });
});
