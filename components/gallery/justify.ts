/**
 * Justified rows, as photo galleries lay them out: every picture keeps its own aspect ratio, all pictures
 * of a row share one height, and each full row fills the width exactly. A unit is one take or a batch of
 * variations, which always stay together on one row (unless the batch alone is wider than the row).
 */
export type Spacing = { gap: number; inner: number; pad: number };
export type PlacedUnit = { first: number; widths: number[] };
export type Row = { units: PlacedUnit[]; mediaHeight: number };

export const SPACING: Spacing = { gap: 8, inner: 4, pad: 4 };

const fixedWidth = (ratios: number[], s: Spacing) => s.pad * 2 + s.inner * (ratios.length - 1);

function place(units: number[][], firsts: number[], height: number): PlacedUnit[] {
  return units.map((ratios, i) => ({ first: firsts[i]!, widths: ratios.map((r) => r * height) }));
}

export function justify(units: number[][], width: number, target: number, s: Spacing = SPACING): Row[] {
  const rows: Row[] = [];
  let current: number[][] = [];
  let firsts: number[] = [];
  let next = 0;
  const heightFor = (row: number[][]) => {
    const fixed = row.reduce((sum, u) => sum + fixedWidth(u, s), 0) + s.gap * (row.length - 1);
    const ratio = row.reduce((sum, u) => sum + u.reduce((a, b) => a + b, 0), 0);
    return Math.max(1, (width - fixed) / ratio);
  };
  const close = (row: number[][], starts: number[], height: number) =>
    rows.push({ units: place(row, starts, height), mediaHeight: height });

  for (const unit of units) {
    const withUnit = [...current, unit];
    const h = heightFor(withUnit);
    if (h > target) {
      current = withUnit;
      firsts = [...firsts, next];
    } else if (current.length > 0 && heightFor(current) - target < target - h) {
      // The row is closer to the target height without this unit: close it and start the next with it.
      close(current, firsts, Math.min(heightFor(current), target * 1.5));
      current = [unit];
      firsts = [next];
      if (heightFor(current) <= target) {
        close(current, firsts, heightFor(current));
        current = [];
        firsts = [];
      }
    } else {
      close(withUnit, [...firsts, next], h);
      current = [];
      firsts = [];
    }
    next += unit.length;
  }
  if (current.length > 0) close(current, firsts, Math.min(target, heightFor(current)));
  return rows;
}
