"use client";

import { LocalTime } from "@/components/share/local-time";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { FilmView } from "@/lib/storyboards/types";
import { FilmWatchDialog } from "./film-watch-dialog";

const small = buttonClass("secondary", "sm");

export type FilmActions = {
  act: (url: string, method: "POST" | "DELETE", done: string) => Promise<void>;
  copy: (url: string) => Promise<void>;
  remove: (film: FilmView) => Promise<void>;
};

function Freshness({ film }: { film: FilmView }) {
  if (film.outOfDate) {
    return (
      <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">
        Out of date
      </span>
    );
  }
  return (
    <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
      Matches the board
    </span>
  );
}

/**
 * One exported film: whether it still matches the board, watch, download, its link; revoking or renewing
 * the link and deleting the film only for those who may (whoever exported it, the board's maker, an admin).
 */
export function FilmItem({ film, actions }: { film: FilmView; actions: FilmActions }) {
  const summary = `${film.shots} shot${film.shots === 1 ? "" : "s"} · ${film.durationS?.toFixed(1)} s · ${film.width}×${film.height}`;
  const remove = film.canManage && (
    <ConfirmButton
      variant="secondary"
      title="Delete this film?"
      body={
        film.shareUrl
          ? "Its file goes for good, and anyone with its link gets “not found” from now on. The takes stay on the board."
          : "Its file goes for good. The takes stay on the board."
      }
      confirmLabel="Delete film"
      danger
      onConfirm={() => actions.remove(film)}
    >
      Delete…
    </ConfirmButton>
  );
  if (film.status === "failed") {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <p className="min-w-0 flex-1 text-red-700 dark:text-red-400">Export failed: {film.error}</p>
        {remove}
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Freshness film={film} />
        <span className="font-medium tabular-nums">{summary}</span>
        <span className="text-zinc-600 dark:text-zinc-400">
          <LocalTime iso={film.finishedAt ?? film.createdAt} />
        </span>
      </div>
      {film.outOfDate ? (
        <p className="text-amber-800 dark:text-amber-300">{film.outOfDate} Export again for a film of the board as it is now.</p>
      ) : null}
      <div className="flex flex-wrap gap-1.5">
        <FilmWatchDialog film={film} label={summary} />
        <a className={small} href={`${film.src}?download`} download={film.downloadName}>
          Download
        </a>
        {film.shareUrl ? (
          <button type="button" className={small} onClick={() => void actions.copy(film.shareUrl!)}>
            Copy film link
          </button>
        ) : null}
        {!film.canManage ? null : film.shareUrl ? (
          <button
            type="button"
            className={small}
            onClick={() => void actions.act(`/api/films/${film.id}/share`, "DELETE", "Film link revoked.")}
          >
            Revoke film link
          </button>
        ) : (
          <button
            type="button"
            className={small}
            onClick={() => void actions.act(`/api/films/${film.id}/share`, "POST", "New film link made.")}
          >
            New film link
          </button>
        )}
        {remove}
      </div>
      {film.shareUrl ? (
        <input
          readOnly
          aria-label="Film share link"
          value={film.shareUrl}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
      ) : null}
    </div>
  );
}
