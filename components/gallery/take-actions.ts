import { isFinished, type JobView } from "@/lib/jobs/types";
import type { ConfirmKind } from "./job-confirm";
import type { useJobActions } from "./use-job-actions";
import type { useStar } from "./use-star";

/** Where an action sits: the card's menu draws a separator between groups, the viewer puts `link` in a menu of its own. */
export type ActionGroup = "make" | "mark" | "job" | "link" | "delete";

export type TakeAction = {
  key: string;
  label: string;
  group: ActionGroup;
  disabled?: boolean;
  /** A toggle's state (Star, Select for compare). */
  pressed?: boolean;
  /** A download link instead of something to run. */
  download?: { href: string; name: string };
  /** It fills the form beside the gallery: the viewer closes after it. */
  toForm?: boolean;
  run?: () => void;
};

type Context = {
  actions: ReturnType<typeof useJobActions>;
  star: ReturnType<typeof useStar>;
  /** Chosen for compare; absent where the page has no selection (a storyboard). */
  selected?: { on: boolean; set: (on: boolean) => void };
  confirm: (kind: ConfirmKind) => void;
  addToBoard: () => void;
};

/**
 * Everything that can be done to a take, in order: the card's menu and the viewer both draw this list, so
 * neither offers what the other lacks.
 */
export function takeActions(job: JobView, { actions, star, selected, confirm, addToBoard }: Context): TakeAction[] {
  const { dispatch } = actions;
  const video = job.video;
  const list: (TakeAction | false | null | undefined)[] = [
    dispatch && { key: "remix", label: "Remix", group: "make", toForm: true, run: () => dispatch({ kind: "remix", job }) },
    !!video?.stored && { key: "download", label: "Download", group: "make", download: { href: video.src, name: video.downloadName } },
    video && { key: "link", label: job.shareUrl ? "Copy link" : "Share link", group: "make", run: () => void actions.copyLink() },
    dispatch &&
      video && {
        key: "continue",
        label: "Continue from last frame",
        group: "make",
        disabled: !video.lastFrame,
        toForm: true,
        run: () => dispatch({ kind: "frame", job, target: "image" }),
      },
    dispatch &&
      video && {
        key: "end",
        label: "Use as end image",
        group: "make",
        disabled: !video.lastFrame,
        toForm: true,
        run: () => dispatch({ kind: "frame", job, target: "lastImage" }),
      },
    dispatch && {
      key: "seed",
      label: `Reuse seed ${job.params.seed}`,
      group: "make",
      toForm: true,
      run: () => dispatch({ kind: "seed", seed: job.params.seed }),
    },
    video && { key: "star", label: "Star", group: "mark", pressed: star.on, run: () => void star.toggle() },
    video &&
      selected && {
        key: "select",
        label: "Select for compare",
        group: "mark",
        pressed: selected.on,
        run: () => selected.set(!selected.on),
      },
    video && { key: "board", label: "Add to storyboard…", group: "mark", run: addToBoard },
    (job.status === "failed" || job.status === "unknown") && {
      key: "retry",
      label: `Retry · ${job.price.label}…`,
      group: "job",
      run: () => confirm("retry"),
    },
    job.status === "queued" && job.canManage && { key: "cancel", label: "Cancel job", group: "job", run: () => void actions.cancel() },
    video &&
      job.canManage && {
        key: "visibility",
        label: job.shareVisibility === "public" ? "Link: make team only" : "Link: let anyone watch",
        group: "link",
        run: () => void actions.toggleVisibility(),
      },
    video && job.canManage && { key: "new-link", label: "New link", group: "link", run: () => void actions.newLink() },
    video && job.canManage && !!job.shareUrl && { key: "revoke", label: "Revoke link", group: "link", run: () => void actions.revoke() },
    isFinished(job.status) && job.canManage && { key: "delete", label: "Delete…", group: "delete", run: () => confirm("delete") },
  ];
  return list.filter((a): a is TakeAction => Boolean(a));
}
