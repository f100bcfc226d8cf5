"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { captionHeight } from "./job-card";
import { units, type GalleryItem } from "./gallery-items";
import { justify, SPACING } from "./justify";
import { targetHeight, type GallerySize } from "./use-gallery-size";
import { useCoarsePointer } from "./use-coarse-pointer";
import { useWindowRows } from "./use-window-rows";

/**
 * Justified rows of takes, of which only those near the viewport are in the DOM (./use-window-rows.ts), so
 * thousands of jobs scroll smoothly. Row heights are computed, never measured: nothing moves once drawn. Asks for the next
 * page when the last rows come into view.
 */
export function JobGrid({
  items,
  size,
  hasMore,
  loading,
  onNearEnd,
  renderItem,
}: {
  items: GalleryItem[];
  size: GallerySize;
  hasMore: boolean;
  loading: boolean;
  onNearEnd: () => void;
  renderItem: (item: GalleryItem, width: number, mediaHeight: number) => ReactNode;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const node = container.current;
    if (!node) return;
    const measure = () => setBox({ width: node.clientWidth, top: node.getBoundingClientRect().top + window.scrollY });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  const caption = captionHeight(useCoarsePointer());
  const rows = useMemo(() => (box ? justify(units(items), box.width, targetHeight(size, box.width)) : []), [items, box, size]);
  const heights = useMemo(() => rows.map((row) => row.mediaHeight + caption + SPACING.pad * 2), [rows, caption]);
  const visible = useWindowRows(heights, SPACING.gap, box?.top ?? 0);
  const lastIndex = visible.rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loading && lastIndex >= rows.length - 3) onNearEnd();
  }, [hasMore, loading, lastIndex, rows.length, onNearEnd]);

  return (
    <div
      ref={container}
      className="relative w-full"
      style={{ height: box ? visible.total : "100vh", ["--caption-h" as string]: `${caption}px` }}
    >
      {visible.rows.map((virtual) => {
        const row = rows[virtual.index];
        if (!row) return null;
        return (
          <div
            key={virtual.index}
            className="absolute top-0 left-0 flex w-full"
            style={{ transform: `translateY(${virtual.offset}px)`, gap: SPACING.gap }}
          >
            {row.units.map((unit) => {
              const members = items.slice(unit.first, unit.first + unit.widths.length);
              const cards = members.map((item, i) => <div key={item.key}>{renderItem(item, unit.widths[i]!, row.mediaHeight)}</div>);
              return members.length > 1 ? (
                <div
                  key={members[0]!.key}
                  role="group"
                  aria-label={`${members.length} variations`}
                  className="flex rounded-xl bg-violet-100 dark:bg-violet-950/60"
                  style={{ padding: SPACING.pad, gap: SPACING.inner }}
                >
                  {cards}
                </div>
              ) : (
                <div key={members[0]!.key} className="flex" style={{ padding: SPACING.pad }}>
                  {cards}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
