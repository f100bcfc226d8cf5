"use client";

import { modelOf } from "@/lib/catalog";
import dynamic from "next/dynamic";
import { memo, useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { JobView } from "@/lib/jobs/types";
import { CardPicture, shortPrompt } from "./card-picture";
import { MarksChips, StarButton } from "./card-marks";
import { JobConfirm, type ConfirmKind } from "./job-confirm";
import { LazyMenu } from "@/components/ui/lazy-menu";
import { JobStatus } from "./job-status";
import { useJobActions } from "./use-job-actions";

const AddToBoardDialog = dynamic(() => import("./add-to-board-dialog"), { ssr: false });

/**
 * Height of the two caption lines under each picture; the grid's row heights count on it and hand it to the
 * cards as `--caption-h`. On a touch screen the second line holds the card's menu button, a finger's size.
 */
export const captionHeight = (coarse: boolean) => (coarse ? 44 : 38);

const toolClass = buttonClass(
  "secondary",
  "sm",
  "h-7 border-zinc-300/80 bg-white/95 px-2 shadow-sm backdrop-blur dark:border-zinc-600 dark:bg-zinc-900/95",
);

/** A finger's size (24 px, within the caption's second line), where buttonClass's smallest is 32. */
const touchMenuClass =
  "inline-flex h-6 shrink-0 items-center rounded-md border border-zinc-300 bg-white px-2 text-[11px] font-medium text-zinc-800 outline-none focus-visible:ring-2 focus-visible:ring-violet-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

function CopyState({ job, onSaveAgain }: { job: JobView; onSaveAgain: () => void }) {
  if (!job.video || job.copy.state === "done") return null;
  const failed = job.copy.state === "failed";
  return (
    <p
      data-testid="copy-state"
      className={`rounded-md px-1.5 py-0.5 text-[11px] ${failed ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" : "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100"}`}
      title={job.copy.error ?? undefined}
    >
      {failed
        ? `Not saved in Keyframe: ${job.copy.error ?? "the copy failed"} Playing from WaveSpeed while it lasts.`
        : job.copy.error
          ? `Saving a copy… retrying (${job.copy.error}) Playing from WaveSpeed meanwhile.`
          : "Saving a copy in Keyframe…"}
      {failed && job.canManage ? (
        <button type="button" onClick={onSaveAgain} className="ml-1 font-medium underline">
          Try saving again
        </button>
      ) : null}
    </p>
  );
}

export type CardProps = {
  job: JobView;
  width: number;
  mediaHeight: number;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onOpen: (id: string) => void;
};

/** Formatting a date makes a formatter each time, which costs more than the rest of a card: made once. */
const CARD_TIME = new Intl.DateTimeFormat([], { dateStyle: "short", timeStyle: "short" });

/** A take in the gallery. Memoized: scrolling re-renders the grid's rows, not the cards in them. */
export const JobCard = memo(function JobCard({ job, width, mediaHeight, selected, onSelect, onOpen }: CardProps) {
  const [note, setNote] = useState<{ text: string; link?: string } | null>(null);
  const [confirm, setConfirm] = useState<ConfirmKind | null>(null);
  const [adding, setAdding] = useState(false);
  const actions = useJobActions(job, (text, link) => setNote({ text, link }));
  useEffect(() => {
    if (!note || note.link) return;
    const timer = setTimeout(() => setNote(null), 5000);
    return () => clearTimeout(timer);
  }, [note]);
  const p = job.params;
  const menu = {
    job,
    actions,
    onConfirm: setConfirm,
    onAddToBoard: () => setAdding(true),
    selected,
    onSelect: (on: boolean) => onSelect(job.id, on),
  };
  const errorShown = job.error && (job.status === "failed" || job.status === "unknown" || job.status === "queued");

  return (
    <article
      aria-label={`Take: ${shortPrompt(job.prompt)}`}
      data-job-id={job.id}
      data-status={job.status}
      style={{ width }}
      className="group/card @container relative flex shrink-0 flex-col"
    >
      <div
        className={`relative overflow-hidden rounded-lg bg-zinc-200 dark:bg-zinc-800 ${selected ? "ring-3 ring-violet-600 dark:ring-violet-400" : ""}`}
        style={{ height: mediaHeight }}
      >
        <CardPicture job={job} width={width} height={mediaHeight} onOpen={onOpen} />
        <div className="pointer-events-none absolute inset-x-1.5 top-1.5 flex min-w-0">
          <JobStatus job={job} />
        </div>
        {/* With a mouse, the tools show over the picture on hover; a touch screen has the one menu below it instead. */}
        <div className="absolute top-1.5 right-1.5 flex gap-1 opacity-100 transition-opacity pointer-coarse:hidden pointer-fine:opacity-0 pointer-fine:group-focus-within/card:opacity-100 pointer-fine:group-hover/card:opacity-100 [&:has([data-state=open])]:opacity-100">
          {job.video ? (
            <button type="button" className={`${toolClass} hidden @[15rem]:inline-flex`} onClick={() => void actions.copyLink()}>
              {job.shareUrl ? "Copy link" : "Share link"}
            </button>
          ) : null}
          {job.status === "failed" || job.status === "unknown" ? (
            <button type="button" className={`${toolClass} hidden @[12rem]:inline-flex`} onClick={() => setConfirm("retry")}>
              Retry · {job.price.label}
            </button>
          ) : null}
          {job.status === "queued" && job.canManage ? (
            <button type="button" className={toolClass} onClick={() => void actions.cancel()}>
              Cancel
            </button>
          ) : null}
          <LazyMenu
            trigger={
              <button type="button" className={toolClass}>
                More
              </button>
            }
            load={() => import("./job-menu")}
            props={menu}
          />
        </div>
        <div className="pointer-events-none absolute inset-x-1.5 bottom-1.5 flex flex-col items-start gap-1 [&>*]:pointer-events-auto">
          {errorShown ? (
            <p
              role={job.status === "queued" ? undefined : "alert"}
              title={job.error ?? undefined}
              className="line-clamp-3 rounded-md bg-red-100 px-1.5 py-0.5 text-[11px] text-red-900 dark:bg-red-950 dark:text-red-100"
            >
              {job.error}
            </p>
          ) : null}
          <MarksChips job={job} />
          <CopyState job={job} onSaveAgain={() => void actions.saveAgain()} />
          <div role="status" aria-live="polite" className="empty:hidden">
            {note ? (
              <p className="rounded-md bg-zinc-900 px-2 py-1 text-xs font-medium text-white shadow dark:bg-white dark:text-zinc-900">
                {note.text}
                {note.link ? (
                  <input
                    readOnly
                    aria-label="Share link"
                    value={note.link}
                    onFocus={(e) => e.currentTarget.select()}
                    className="mt-1 block w-56 max-w-full rounded border border-zinc-500 bg-white px-1 font-mono text-[11px] text-zinc-900"
                  />
                ) : null}
              </p>
            ) : null}
          </div>
        </div>
        {!job.video &&
        (job.status === "processing" || job.status === "submitted" || job.status === "queued" || job.status === "submitting") ? (
          <div aria-hidden className="absolute inset-x-0 bottom-0 h-1 overflow-hidden bg-black/10">
            <div className="h-full w-1/3 animate-[progress_1.6s_ease-in-out_infinite] bg-violet-500" />
          </div>
        ) : null}
      </div>
      <div className="min-w-0 pt-1" style={{ height: "var(--caption-h)" }}>
        <div className="flex min-w-0 items-center gap-1.5">
          {job.video ? (
            <input
              type="checkbox"
              checked={selected}
              onChange={(e) => onSelect(job.id, e.target.checked)}
              aria-label={`Select for compare: ${shortPrompt(job.prompt, 40)}`}
              className="size-3.5 shrink-0 accent-violet-700 pointer-coarse:hidden"
            />
          ) : null}
          <p className="min-w-0 flex-1 truncate text-xs text-zinc-900 dark:text-zinc-100" title={job.prompt}>
            {job.prompt}
          </p>
          {job.video ? (
            <span className="contents pointer-coarse:hidden">
              <StarButton job={job} />
            </span>
          ) : null}
        </div>
        <div className="flex min-w-0 items-center gap-1">
          <p className="flex min-w-0 flex-1 gap-1.5 overflow-hidden text-[11px] whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400">
            <span data-testid="card-model">{modelOf(job.model.id).short}</span>
            <span>Seed {p.seed}</span>
            <span>{p.duration} s</span>
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{job.price.label}</span>
            {job.billing && (job.billing.refundMicros > 0 || job.billing.chargeMicros !== job.price.micros) ? (
              <span data-testid="card-billing">{job.billing.label}</span>
            ) : null}
            <bdi>{job.mine ? "You" : (job.owner ?? "Someone")}</bdi>
            <time dateTime={job.createdAt}>{CARD_TIME.format(new Date(job.createdAt))}</time>
            {job.shareUrl && job.shareVisibility === "team" ? <span>link: team only</span> : null}
          </p>
          <span className="hidden pointer-coarse:contents">
            <LazyMenu
              trigger={
                <button type="button" className={touchMenuClass}>
                  More
                </button>
              }
              load={() => import("./job-menu")}
              props={menu}
            />
          </span>
        </div>
      </div>
      {adding ? <AddToBoardDialog jobIds={[job.id]} onClose={() => setAdding(false)} /> : null}
      <JobConfirm
        kind={confirm}
        job={job}
        onClose={() => setConfirm(null)}
        onConfirm={async (kind) => (kind === "retry" ? actions.retry() : actions.remove())}
      />
    </article>
  );
});
