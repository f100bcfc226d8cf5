"use client";

import { MenuCheckboxItem, MenuContent, MenuItem, MenuRoot, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import type { ReactElement } from "react";
import { isFinished, type JobView } from "@/lib/jobs/types";
import type { ConfirmKind } from "./job-confirm";
import type { useJobActions } from "./use-job-actions";
import { useStar } from "./use-star";

type Actions = ReturnType<typeof useJobActions>;

export type JobMenuProps = {
  job: JobView;
  actions: Actions;
  onConfirm: (kind: ConfirmKind) => void;
  onAddToBoard: () => void;
  /** Chosen for compare (and the selection's other actions). */
  selected: boolean;
  onSelect: (selected: boolean) => void;
};

/**
 * Every action on a take, in one floating menu (Radix: Escape and outside clicks close it, arrows move);
 * on a touch screen it is the card's only control. Loaded on first use (components/ui/lazy-menu.tsx).
 */
export default function JobMenu({
  job,
  actions,
  onConfirm,
  onAddToBoard,
  selected,
  onSelect,
  trigger,
  defaultOpen,
}: JobMenuProps & { trigger: ReactElement; defaultOpen?: boolean }) {
  const { dispatch } = actions;
  const video = job.video;
  const star = useStar(job);
  return (
    <MenuRoot modal={false} defaultOpen={defaultOpen}>
      <MenuTrigger asChild>{trigger}</MenuTrigger>
      <MenuContent align="end" container={document.getElementById("gallery")}>
        {video ? <MenuItem onSelect={() => void actions.copyLink()}>{job.shareUrl ? "Copy link" : "Share link"}</MenuItem> : null}
        {dispatch ? <MenuItem onSelect={() => dispatch({ kind: "remix", job })}>Remix</MenuItem> : null}
        {video?.stored ? (
          <MenuItem asChild>
            <a href={video.src} download={video.downloadName}>
              Download
            </a>
          </MenuItem>
        ) : null}
        {dispatch && video ? (
          <>
            <MenuItem disabled={!video.lastFrame} onSelect={() => dispatch({ kind: "frame", job, target: "image" })}>
              Continue from last frame
            </MenuItem>
            <MenuItem disabled={!video.lastFrame} onSelect={() => dispatch({ kind: "frame", job, target: "lastImage" })}>
              Use as end image
            </MenuItem>
          </>
        ) : null}
        {dispatch ? (
          <MenuItem onSelect={() => dispatch({ kind: "seed", seed: job.params.seed })}>Reuse seed {job.params.seed}</MenuItem>
        ) : null}
        {video ? (
          <>
            <MenuSeparator />
            <MenuCheckboxItem checked={star.on} onCheckedChange={() => void star.toggle()}>
              Star
            </MenuCheckboxItem>
            <MenuCheckboxItem checked={selected} onCheckedChange={onSelect}>
              Select for compare
            </MenuCheckboxItem>
            <MenuItem onSelect={onAddToBoard}>Add to storyboard…</MenuItem>
          </>
        ) : null}
        {job.status === "failed" || job.status === "unknown" ? (
          <MenuItem onSelect={() => onConfirm("retry")}>Retry · {job.price.label}…</MenuItem>
        ) : null}
        {job.status === "queued" && job.canManage ? <MenuItem onSelect={() => void actions.cancel()}>Cancel job</MenuItem> : null}
        {video && job.canManage ? (
          <>
            <MenuSeparator />
            <MenuItem onSelect={() => void actions.toggleVisibility()}>
              {job.shareVisibility === "public" ? "Link: make team only" : "Link: let anyone watch"}
            </MenuItem>
            <MenuItem onSelect={() => void actions.newLink()}>New link</MenuItem>
            {job.shareUrl ? <MenuItem onSelect={() => void actions.revoke()}>Revoke link</MenuItem> : null}
          </>
        ) : null}
        {isFinished(job.status) && job.canManage ? (
          <>
            <MenuSeparator />
            <MenuItem onSelect={() => onConfirm("delete")} className="text-red-700 dark:text-red-300">
              Delete…
            </MenuItem>
          </>
        ) : null}
      </MenuContent>
    </MenuRoot>
  );
}
