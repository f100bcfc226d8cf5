"use client";

import { buttonClass } from "@/components/ui/button";
import { LocalTime } from "@/components/share/local-time";
import { send } from "@/lib/http/fetcher";
import type { FilmView } from "@/lib/storyboards/types";

const small = buttonClass("secondary", "sm");

function Progress({ film }: { film: FilmView }) {
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
      <p className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">{label}</p>
    </div>
  );
}

/** Export the picked takes as one MP4, with its progress; finished films with their download and share link. */
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
  const running = films.find((f) => f.status === "queued" || f.status === "rendering");
  const act = async (url: string, method: "POST" | "DELETE", done: string) => {
    try {
      await send(url, method);
      onChanged();
      announce(done);
    } catch (error) {
      announce(error instanceof Error ? error.message : "That did not work.");
    }
  };
  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url).then(
      () => announce("Film link copied."),
      () => announce(`Copy this link: ${url}`),
    );
  };
  return (
    <div className="space-y-3">
      <button
        type="button"
        className={buttonClass("primary", "sm")}
        disabled={!canExport || Boolean(running)}
        onClick={() => void act(`/api/storyboards/${boardId}/export`, "POST", "Export started.")}
      >
        {running ? "Exporting…" : "Export MP4"}
      </button>
      {running ? <Progress film={running} /> : null}
      <ul className="space-y-2" aria-label="Exported films">
        {films
          .filter((f) => f.status === "done" || f.status === "failed")
          .map((film) => (
            <li key={film.id} data-film-id={film.id} className="rounded-lg border border-zinc-200 p-2 text-sm dark:border-zinc-800">
              {film.status === "failed" ? (
                <p className="text-red-700 dark:text-red-400">Export failed: {film.error}</p>
              ) : (
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium tabular-nums">
                    {film.shots} shot{film.shots === 1 ? "" : "s"} · {film.durationS?.toFixed(1)} s · {film.width}×{film.height}
                  </span>
                  <span className="text-zinc-600 dark:text-zinc-400">
                    <LocalTime iso={film.finishedAt ?? film.createdAt} />
                  </span>
                  <span className="ml-auto flex flex-wrap gap-1.5">
                    <a className={small} href={film.src!} target="_blank" rel="noreferrer">
                      Watch
                    </a>
                    <a className={small} href={`${film.src}?download`} download={film.downloadName}>
                      Download
                    </a>
                    {film.shareUrl ? (
                      <>
                        <button type="button" className={small} onClick={() => void copy(film.shareUrl!)}>
                          Copy film link
                        </button>
                        <button
                          type="button"
                          className={small}
                          onClick={() => void act(`/api/films/${film.id}/share`, "DELETE", "Film link revoked.")}
                        >
                          Revoke film link
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className={small}
                        onClick={() => void act(`/api/films/${film.id}/share`, "POST", "New film link made.")}
                      >
                        New film link
                      </button>
                    )}
                  </span>
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
              )}
            </li>
          ))}
      </ul>
    </div>
  );
}
