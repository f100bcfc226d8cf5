"use client";

import { ENTRIES } from "@/lib/catalog";
import { useEffect, useState } from "react";
import { RadioTabs } from "@/components/ui/radio-tabs";
import { STATUS_FILTERS, type StarFilter, type StatusFilter } from "@/lib/jobs/types";
import { SIZE_OPTIONS, type GallerySize } from "./use-gallery-size";
import type { GalleryFilter } from "./use-jobs";

const LABELS: Record<StatusFilter, string> = { all: "All", active: "In progress", completed: "Completed", failed: "Failed" };
const STATUS_OPTIONS = STATUS_FILTERS.map((value) => ({ value, label: LABELS[value] }));
const SCOPE_OPTIONS = [
  { value: "team", label: "Team" },
  { value: "mine", label: "Mine" },
] as const;

/** Whose jobs, which status, starred or not, how big, and a prompt search (debounced, so typing does not send a request per key). */
export function GalleryToolbar({
  filter,
  onChange,
  size,
  onSize,
}: {
  filter: GalleryFilter;
  onChange: (filter: GalleryFilter) => void;
  size: GallerySize;
  onSize: (size: GallerySize) => void;
}) {
  const [q, setQ] = useState(filter.q);
  useEffect(() => {
    if (q === filter.q) return;
    const timer = setTimeout(() => onChange({ ...filter, q }), 250);
    return () => clearTimeout(timer);
  }, [q, filter, onChange]);

  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <RadioTabs label="Whose" options={SCOPE_OPTIONS} value={filter.scope} onChange={(scope) => onChange({ ...filter, scope })} />
      <div className="max-w-full overflow-x-auto">
        <RadioTabs label="Show" options={STATUS_OPTIONS} value={filter.status} onChange={(status) => onChange({ ...filter, status })} />
      </div>
      <label className="flex min-w-40 flex-1 items-center gap-2">
        <span className="sr-only">Search prompts</span>
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Search prompts…"
          maxLength={200}
          className="h-8 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm outline-none placeholder:text-zinc-500 focus:border-violet-500 focus:ring-2 focus:ring-violet-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
        />
      </label>
      <label className="flex items-center gap-1.5 text-xs font-medium text-zinc-700 dark:text-zinc-300">
        Stars
        <select
          value={filter.starred ?? ""}
          onChange={(e) => onChange({ ...filter, starred: (e.target.value || undefined) as StarFilter | undefined })}
          className="h-8 rounded-lg border border-zinc-300 bg-white px-2 text-xs text-zinc-900 outline-none focus:border-violet-500 focus:ring-2 focus:ring-violet-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <option value="">All takes</option>
          <option value="me">Starred by me</option>
          <option value="anyone">Starred by anyone</option>
        </select>
      </label>
      <label className="flex items-center gap-1.5 text-xs font-medium text-zinc-700 dark:text-zinc-300">
        Made with
        <select
          value={filter.model ?? ""}
          onChange={(e) => onChange({ ...filter, model: e.target.value || undefined })}
          className="h-8 max-w-36 rounded-lg border border-zinc-300 bg-white px-2 text-xs text-zinc-900 outline-none focus:border-violet-500 focus:ring-2 focus:ring-violet-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <option value="">Any model</option>
          {ENTRIES.map((e) => (
            <option key={e.id} value={e.id}>
              {e.short}
            </option>
          ))}
        </select>
      </label>
      <RadioTabs label="Card size" options={SIZE_OPTIONS} value={size} onChange={onSize} />
    </div>
  );
}
