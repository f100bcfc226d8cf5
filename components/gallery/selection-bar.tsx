"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { send } from "@/lib/http/fetcher";

const AddToBoardDialog = dynamic(() => import("./add-to-board-dialog"), { ssr: false });

const action = "font-medium text-violet-700 hover:underline dark:text-violet-300";

/** What can be done with the selected takes: compare them, put them on a storyboard, or send them for review as one link. */
export function SelectionBar({ selected, onClear }: { selected: string[]; onClear: () => void }) {
  const [adding, setAdding] = useState(false);
  const [review, setReview] = useState<{ url?: string; error?: string } | null>(null);
  const makeReviewLink = async () => {
    try {
      const link = await send<{ url: string }>("/api/review-links", "POST", { jobIds: selected });
      setReview({ url: link!.url });
      await navigator.clipboard.writeText(link!.url).catch(() => undefined);
    } catch (error) {
      setReview({ error: error instanceof Error ? error.message : "Could not make a link." });
    }
  };
  return (
    <div className="sticky bottom-4 z-20 mx-auto mt-4 flex w-fit max-w-full flex-wrap items-center justify-center gap-x-3 gap-y-1 rounded-3xl border border-zinc-200 bg-white/95 px-4 py-2 text-sm shadow-lg backdrop-blur dark:border-zinc-700 dark:bg-zinc-900/95">
      <span className="tabular-nums">{selected.length} selected</span>
      {selected.length >= 2 ? (
        <a href={`/compare?ids=${selected.join(",")}`} className={action}>
          Compare {selected.length}
        </a>
      ) : (
        <span className="text-zinc-600 dark:text-zinc-400">Pick one more to compare</span>
      )}
      <button type="button" className={action} onClick={() => setAdding(true)}>
        Add to storyboard…
      </button>
      <button type="button" className={action} onClick={() => void makeReviewLink()}>
        Review link
      </button>
      <button
        type="button"
        onClick={() => {
          setReview(null);
          onClear();
        }}
        className="text-zinc-700 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white"
      >
        Clear
      </button>
      <div role="status" aria-live="polite" className="basis-full empty:hidden">
        {review?.url ? (
          <label className="flex items-center gap-2 text-xs">
            Review link (copied)
            <input
              readOnly
              value={review.url}
              onFocus={(e) => e.currentTarget.select()}
              className="w-72 max-w-full rounded border border-zinc-300 bg-white px-1 font-mono text-[11px] dark:border-zinc-600 dark:bg-zinc-950"
            />
          </label>
        ) : review?.error ? (
          <span className="text-xs text-red-700 dark:text-red-400">{review.error}</span>
        ) : null}
      </div>
      {adding ? <AddToBoardDialog jobIds={selected} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}
