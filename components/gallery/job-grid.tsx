"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { JobView } from "@/lib/jobs/types";

const GAP = 16;
const columnsFor = (width: number) => (width >= 1100 ? 3 : width >= 560 ? 2 : 1);

/**
 * The gallery's cards in rows, of which only those near the viewport are in the DOM: scrolling
 * stays smooth with thousands of jobs. Asks for the next page when the last rows come into view.
 */
export function JobGrid({
  jobs,
  hasMore,
  loading,
  onNearEnd,
  renderJob,
}: {
  jobs: JobView[];
  hasMore: boolean;
  loading: boolean;
  onNearEnd: () => void;
  renderJob: (job: JobView) => ReactNode;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(2);
  const [top, setTop] = useState(0);

  useLayoutEffect(() => {
    const node = container.current;
    if (!node) return;
    const measure = () => {
      setColumns(columnsFor(node.offsetWidth));
      setTop(node.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  const rows = Math.ceil(jobs.length / columns);
  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => 460,
    overscan: 2,
    gap: GAP,
    scrollMargin: top,
    initialRect: { width: 1200, height: 1000 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loading && lastIndex >= rows - 3) onNearEnd();
  }, [hasMore, loading, lastIndex, rows, onNearEnd]);

  return (
    <div ref={container} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((row) => (
        <div
          key={`${columns}:${row.index}`}
          data-index={row.index}
          ref={virtualizer.measureElement}
          className="absolute top-0 left-0 grid w-full items-start"
          style={{
            transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            gap: GAP,
          }}
        >
          {jobs.slice(row.index * columns, (row.index + 1) * columns).map((job) => (
            <div key={job.id} className="h-full">
              {renderJob(job)}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
