"use client";

import Link from "next/link";
import { LocalTime } from "@/components/share/local-time";
import { ProgressBar } from "./progress-bar";
import { progressText, useBatches } from "./use-batches";

/** The member's batches with their progress, kept current while any runs. */
export function BatchList() {
  const { data, error } = useBatches();
  if (error) return <p className="text-sm text-red-700 dark:text-red-400">Your batches could not be loaded: {error.message}</p>;
  if (!data) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading your batches…</p>;
  if (data.batches.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        No batches yet. Start one from a CSV or JSON file, or sweep prompts × seeds × durations over one image.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {data.batches.map((b) => (
        <li key={b.id} className="space-y-2 px-4 py-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Link href={`/batches/${b.id}`} className="font-medium text-violet-800 hover:underline dark:text-violet-300">
              <bdi>{b.name}</bdi>
            </Link>
            <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
              {progressText(b)} · {b.source.toUpperCase()} · <LocalTime iso={b.createdAt} />
            </span>
          </div>
          <ProgressBar batch={b} label={`${b.name}: ${b.completed} of ${b.total} done`} />
        </li>
      ))}
    </ul>
  );
}
