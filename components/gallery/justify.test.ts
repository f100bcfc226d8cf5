// backend-free: pure functions, no database or object store
import { describe, expect, it } from "vitest";
import { justify, SPACING } from "./justify";

const rowWidth = (row: ReturnType<typeof justify>[number]) =>
  row.units.reduce((sum, u) => sum + u.widths.reduce((a, b) => a + b, 0) + SPACING.pad * 2 + SPACING.inner * (u.widths.length - 1), 0) +
  SPACING.gap * (row.units.length - 1);

describe("justify", () => {
  it("fills each full row exactly and keeps every picture's aspect ratio", () => {
    const units = Array.from({ length: 10 }, (_, i) => [i % 3 === 0 ? 9 / 16 : 16 / 9]);
    const rows = justify(units, 900, 200);
    for (const row of rows.slice(0, -1)) expect(rowWidth(row)).toBeCloseTo(900, 5);
    const last = rows.at(-1)!;
    expect(last.mediaHeight).toBeLessThanOrEqual(200);
    expect(rows.flatMap((r) => r.units.map((u) => u.first))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("keeps a batch of variations on one row", () => {
    const rows = justify([[16 / 9], [16 / 9], [1, 1, 1]], 700, 200);
    const batchRow = rows.find((r) => r.units.some((u) => u.widths.length === 3))!;
    expect(batchRow.units.find((u) => u.widths.length === 3)!.first).toBe(2);
  });

  it("shrinks a unit wider than the row to fit", () => {
    const [row] = justify([[16 / 9, 16 / 9, 16 / 9, 16 / 9]], 400, 220);
    expect(rowWidth(row!)).toBeCloseTo(400, 5);
  });
});
