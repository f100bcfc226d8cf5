"use client";

import { useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { send } from "@/lib/http/fetcher";
import type { FilmView } from "@/lib/storyboards/types";
import { MarkerDownloads } from "./marker-downloads";
import { FilmItem, type FilmActions } from "./film-item";

/** Films shown before "Show older films": the rest stay one click away, with a count of their live links. */
const SHOWN = 3;

/** `onCancel`: absent for a member who may not cancel this export (`FilmView.canManage`). */
function Progress({ film, onCancel }: { film: FilmView; onCancel?: () => void }) {
  const label = film.status === "queued" ? "Waiting for a free renderer…" : `Exporting… ${film.progress}%`;
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={film.progress}
        aria-valuetext={label}
        className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full bg-violet-600 transition-[width]" style={{ width: `${film.progress}%` }} />
      </div>
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">{label}</p>
        {onCancel ? (
          <button type="button" className={buttonClass("ghost", "sm")} onClick={onCancel}>
            Cancel export
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** Export the picked takes as one MP4, with its progress; every exported film with its download, link and delete. */
export function FilmExport({
  boardId,
  films,
  canExport,
  onChanged,
  announce,
}: {
  boardId: string;
  films: FilmView[];
  canExport: boolean;
  onChanged: () => void;
  announce: (text: string) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const exportButton = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const running = films.find((f) => f.status === "queued" || f.status === "rendering");
  const finished = films.filter((f) => f.status === "done" || f.status === "failed");
  const older = finished.slice(SHOWN);
  const olderLinks = older.filter((f) => f.shareUrl).length;
  const act = async (url: string, method: "POST" | "DELETE", done: string) => {
    try {
      await send(url, method);
      onChanged();
      announce(done);
    } catch (error) {
      announce(error instanceof Error ? error.message : "That did not work.");
    }
  };
  const actions: FilmActions = {
    act,
    copy: async (url) => {
      await navigator.clipboard.writeText(url).then(
        () => announce("Film link copied."),
        () => announce(`Copy this link: ${url}`),
      );
    },
    // Errors stay in the confirm dialog, which shows them.
    remove: async (film) => {
      await send(`/api/films/${film.id}`, "DELETE");
      onChanged();
      announce(film.shareUrl ? "Film deleted; its link no longer works." : "Film deleted.");
      exportButton.current?.focus();
    },
  };
  return (
    <div className="space-y-3">
      <button
        ref={exportButton}
        type="button"
        className={buttonClass("primary", "sm")}
        disabled={!canExport || Boolean(running)}
        onClick={() => void act(`/api/storyboards/${boardId}/export`, "POST", "Export started.")}
      >
        {running ? "Exporting…" : "Export MP4"}
      </button>
      {running ? (
        <Progress
          film={running}
          onCancel={running.canManage ? () => void act(`/api/films/${running.id}`, "DELETE", "Export cancelled.") : undefined}
        />
      ) : null}
      {finished.length ? <MarkerDownloads boardId={boardId} /> : null}
      <ul id={listId} className="space-y-2" aria-label="Exported films">
        {(showAll ? finished : finished.slice(0, SHOWN)).map((film) => (
          <li key={film.id} data-film-id={film.id} className="rounded-lg border border-zinc-200 p-2 text-sm dark:border-zinc-800">
            <FilmItem film={film} actions={actions} />
          </li>
        ))}
      </ul>
      {older.length > 0 ? (
        <button
          type="button"
          className={buttonClass("ghost", "sm")}
          aria-expanded={showAll}
          aria-controls={listId}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll
            ? "Show fewer films"
            : `Show ${older.length} older film${older.length === 1 ? "" : "s"}${olderLinks ? ` (${olderLinks} with a live link)` : ""}`}
        </button>
      ) : null}
    </div>
  );
}
