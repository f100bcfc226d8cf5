"use client";

import { useEffect, useMemo, useState } from "react";

/**
 * Which of a list of rows (of known heights, stacked with `gap`) are near the window's viewport, for a
 * list whose top is `top` px down the page: the rows to render and each one's offset. Row heights are
 * computed, never measured, so this is a binary search over their running offsets on scroll and resize.
 */
export function useWindowRows(heights: number[], gap: number, top: number, overscanPx = 1200) {
  const offsets = useMemo(() => {
    const out: number[] = [];
    let y = 0;
    for (const h of heights) {
      out.push(y);
      y += h + gap;
    }
    return out;
  }, [heights, gap]);
  const total = heights.length ? offsets.at(-1)! + heights.at(-1)! : 0;
  const [view, setView] = useState({ start: 0, end: 1000 });

  useEffect(() => {
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => {
        const start = window.scrollY - top - overscanPx;
        const end = window.scrollY - top + window.innerHeight + overscanPx;
        return Math.abs(v.start - start) < 100 && Math.abs(v.end - end) < 100 ? v : { start, end };
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, [top, overscanPx]);

  const first = lowerBound(offsets, heights, view.start);
  let last = first;
  while (last < heights.length && offsets[last]! < view.end) last++;
  return { total, rows: Array.from({ length: last - first }, (_, i) => ({ index: first + i, offset: offsets[first + i]! })) };
}

/** The first row whose bottom is below `y`. */
function lowerBound(offsets: number[], heights: number[], y: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! + heights[mid]! < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
