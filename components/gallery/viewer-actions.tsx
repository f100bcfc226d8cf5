"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { MenuContent, MenuItem, MenuRoot, MenuTrigger } from "@/components/ui/menu";
import { isFinished, type JobView } from "@/lib/jobs/types";
import { JobConfirm, type ConfirmKind } from "./job-confirm";
import { useJobActions } from "./use-job-actions";
import { useStar } from "./use-star";

const AddToBoardDialog = dynamic(() => import("./add-to-board-dialog"), { ssr: false });

export type Note = { text: string; link?: string };

// One background and text colour per button: two of a kind in one class list resolve by stylesheet order, not by position.
const base =
  "inline-flex h-8 items-center gap-1 rounded-md px-2.5 text-xs font-medium outline-none focus-visible:ring-2 focus-visible:ring-violet-400 disabled:text-zinc-400 aria-pressed:bg-violet-900 aria-pressed:text-white";
const cls = `${base} bg-zinc-800 text-zinc-100 hover:bg-zinc-700`;
const primary = `${base} bg-violet-700 text-white hover:bg-violet-600`;
const danger = `${base} bg-zinc-800 text-red-200 hover:bg-red-950`;

/** What the card's buttons and its More menu do, as buttons beside the take (and a menu for its link). */
export function ViewerActions({
  job,
  selected = [],
  onSelect,
  onNote,
  onClose,
  onDeleted,
  menuContainer,
}: {
  job: JobView;
  /** Every take chosen for compare, this one or not; without `onSelect` there is nothing to choose for. */
  selected?: string[];
  onSelect?: (id: string, on: boolean) => void;
  onNote: (note: Note) => void;
  onClose: () => void;
  onDeleted: () => void;
  /** The viewer's dialog: a menu floats inside it, where the modal leaves it readable. */
  menuContainer: HTMLElement | null;
}) {
  const [confirm, setConfirm] = useState<ConfirmKind | null>(null);
  const [adding, setAdding] = useState(false);
  const actions = useJobActions(job, (text, link) => onNote({ text, link }));
  const star = useStar(job);
  const { dispatch } = actions;
  const video = job.video;
  const chosen = selected.includes(job.id);
  const act = (fn: () => void) => () => {
    fn();
    onClose();
  };
  return (
    <div className="flex flex-wrap gap-1.5">
      {dispatch ? (
        <button type="button" className={primary} onClick={act(() => dispatch({ kind: "remix", job }))}>
          Remix
        </button>
      ) : null}
      {video?.stored ? (
        <a className={cls} href={video.src} download={video.downloadName}>
          Download
        </a>
      ) : null}
      {video ? (
        <>
          <button type="button" className={cls} onClick={() => void actions.copyLink()}>
            {job.shareUrl ? "Copy link" : "Share link"}
          </button>
          <button type="button" className={cls} aria-pressed={star.on} onClick={() => void star.toggle()}>
            <span aria-hidden className={star.on ? "text-amber-300" : ""}>
              {star.on ? "★" : "☆"}
            </span>
            Star
          </button>
          {onSelect ? (
            <button type="button" className={cls} aria-pressed={chosen} onClick={() => onSelect(job.id, !chosen)}>
              <span aria-hidden>{chosen ? "☑" : "☐"}</span>
              Select for compare
            </button>
          ) : null}
          {selected.length >= 2 && chosen ? (
            <a className={cls} href={`/compare?ids=${selected.join(",")}`}>
              Compare {selected.length}
            </a>
          ) : null}
          <button type="button" className={cls} onClick={() => setAdding(true)}>
            Add to storyboard…
          </button>
        </>
      ) : null}
      {dispatch && video ? (
        <>
          <button
            type="button"
            className={cls}
            disabled={!video.lastFrame}
            onClick={act(() => dispatch({ kind: "frame", job, target: "image" }))}
          >
            Continue from last frame
          </button>
          <button
            type="button"
            className={cls}
            disabled={!video.lastFrame}
            onClick={act(() => dispatch({ kind: "frame", job, target: "lastImage" }))}
          >
            Use as end image
          </button>
        </>
      ) : null}
      {dispatch ? (
        <button type="button" className={cls} onClick={act(() => dispatch({ kind: "seed", seed: job.params.seed }))}>
          Reuse seed {job.params.seed}
        </button>
      ) : null}
      {job.status === "failed" || job.status === "unknown" ? (
        <button type="button" className={cls} onClick={() => setConfirm("retry")}>
          Retry · {job.price.label}
        </button>
      ) : null}
      {job.status === "queued" && job.canManage ? (
        <button type="button" className={cls} onClick={() => void actions.cancel()}>
          Cancel job
        </button>
      ) : null}
      {video && job.canManage ? (
        <MenuRoot>
          <MenuTrigger className={cls}>Link options</MenuTrigger>
          <MenuContent align="start" container={menuContainer}>
            <MenuItem onSelect={() => void actions.toggleVisibility()}>
              {job.shareVisibility === "public" ? "Link: make team only" : "Link: let anyone watch"}
            </MenuItem>
            <MenuItem onSelect={() => void actions.newLink()}>New link</MenuItem>
            {job.shareUrl ? <MenuItem onSelect={() => void actions.revoke()}>Revoke link</MenuItem> : null}
          </MenuContent>
        </MenuRoot>
      ) : null}
      {isFinished(job.status) && job.canManage ? (
        <button type="button" className={danger} onClick={() => setConfirm("delete")}>
          Delete…
        </button>
      ) : null}
      {adding ? <AddToBoardDialog jobIds={[job.id]} onClose={() => setAdding(false)} /> : null}
      <JobConfirm
        kind={confirm}
        job={job}
        onClose={() => setConfirm(null)}
        onConfirm={async (kind) => {
          if (kind === "retry") return actions.retry();
          await actions.remove();
          onDeleted();
        }}
      />
    </div>
  );
}
