"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { StoryboardView } from "@/lib/storyboards/types";
import { BoardHeader } from "./board-header";
import { FilmExport } from "./film-export";
import { FilmPlayer, type Clip } from "./film-player";
import { ReviewLinks } from "./review-links";
import { ShotCard, type ShotHandlers } from "./shot-card";
import { ShotDecisions } from "./shot-decisions";
import type { ShotTakeMode } from "./shot-take-dialog";
import { useBoard } from "./use-board";

const ShotTakeDialog = dynamic(() => import("./shot-take-dialog"), { ssr: false });
const TakeViewer = dynamic(() => import("@/components/gallery/take-viewer"), { ssr: false });

const picked = (shot: StoryboardView["shots"][number]) => shot.takes.find((t) => t.id === shot.pickedJobId) ?? shot.takes[0]!;

function moved(order: string[], id: string, to: number): string[] {
  const rest = order.filter((x) => x !== id);
  rest.splice(Math.max(0, Math.min(rest.length, to)), 0, id);
  return rest;
}

/** A storyboard: its shots in order (drag, or Alt+arrow keys, to reorder), the film, exports and review links. */
export function BoardEditor({ initial }: { initial: StoryboardView }) {
  const { board, change, refresh, setLocal } = useBoard(initial);
  const [status, setStatus] = useState("");
  const [dialog, setDialog] = useState<{ shotId: string; mode: ShotTakeMode } | null>(null);
  const [viewing, setViewing] = useState<{ shotId: string; jobId: string } | null>(null);
  const announce = (text: string) => setStatus(text);
  const fail = (error: unknown) => announce(error instanceof Error ? error.message : "That did not work.");

  // Say when an export finishes, wherever focus is.
  const film = board.films[0];
  const filmState = film ? `${film.id}:${film.status}` : "";
  const [seenFilm, setSeenFilm] = useState(filmState);
  if (filmState !== seenFilm) {
    setSeenFilm(filmState);
    if (film && seenFilm.startsWith(`${film.id}:`)) {
      if (film.status === "done") setStatus(`The film is ready: ${film.durationS?.toFixed(1)} s.`);
      if (film.status === "failed") setStatus(`The export failed: ${film.error}`);
    }
  }

  const reorder = async (next: string[], id: string, direction: "up" | "down") => {
    const shots = next.map((sid) => board.shots.find((s) => s.id === sid)!);
    await setLocal({ ...board, shots }, { revalidate: false });
    requestAnimationFrame(() => {
      const card = document.querySelector(`[data-shot-id="${CSS.escape(id)}"]`);
      const button =
        card?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not(:disabled)`) ??
        card?.querySelector<HTMLButtonElement>("[data-move]:not(:disabled)");
      button?.focus();
    });
    try {
      await change("/order", "PUT", { shotIds: next });
      announce(`Shot moved to position ${next.indexOf(id) + 1} of ${next.length}.`);
    } catch (error) {
      refresh();
      fail(error);
    }
  };

  const order = board.shots.map((s) => s.id);
  const handlers: ShotHandlers = {
    onMove: (id, by) => {
      const at = order.indexOf(id);
      if (at + by < 0 || at + by >= order.length) return;
      void reorder(moved(order, id, at + by), id, by < 0 ? "up" : "down");
    },
    onDropOn: (dragged, target) => void reorder(moved(order, dragged, order.indexOf(target)), dragged, "up"),
    onPick: (shotId, jobId) =>
      void change(`/shots/${shotId}`, "PATCH", { jobId }).then(() => announce(`Take picked for shot ${order.indexOf(shotId) + 1}.`), fail),
    onRemove: async (shotId) => {
      const number = order.indexOf(shotId) + 1;
      await change(`/shots/${shotId}`, "DELETE");
      announce(`Shot ${number} removed.`);
    },
    onGenerate: (shotId, mode) => setDialog({ shotId, mode }),
    onPlay: (shotId, jobId) => setViewing({ shotId, jobId }),
  };

  const clips: Clip[] = board.shots.flatMap((shot, i) => {
    const take = picked(shot);
    return take.video ? [{ src: take.video.src, poster: take.video.poster, label: `shot ${i + 1}` }] : [];
  });
  const total = board.shots.reduce((sum, shot) => sum + picked(shot).params.duration, 0);
  const exportable = board.shots.length > 0 && board.shots.every((s) => picked(s).video?.stored);
  const dialogShot = dialog ? board.shots.find((s) => s.id === dialog.shotId) : undefined;
  const viewedShot = viewing ? board.shots.find((s) => s.id === viewing.shotId) : undefined;

  return (
    <div className="space-y-5">
      <BoardHeader board={board} onRename={(name) => change("", "PATCH", { name })} announce={announce} />
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-violet-800 dark:text-violet-300">
        {status}
      </p>
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_minmax(20rem,28rem)]">
        <section aria-labelledby="shots-title" className="min-w-0 space-y-2">
          <h2 id="shots-title" className="text-lg font-semibold">
            Shots
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {board.shots.length
              ? "Drag a shot by its ⠿ handle, or use Move up and Move down (Alt+↑ and Alt+↓ anywhere in a shot), to change the order."
              : "No shots yet. In the gallery, open a take's More menu and choose “Add to storyboard…”."}
          </p>
          <ol className="space-y-3">
            {board.shots.map((shot, i) => (
              <ShotCard key={shot.id} shot={shot} number={i + 1} total={board.shots.length} handlers={handlers} />
            ))}
          </ol>
        </section>
        <div className="space-y-6 lg:sticky lg:top-20">
          <section aria-labelledby="film-title" className="space-y-3">
            <h2 id="film-title" className="text-lg font-semibold">
              Film <span className="text-sm font-normal text-zinc-600 tabular-nums dark:text-zinc-400">· {total} s</span>
            </h2>
            <FilmPlayer clips={clips} title={board.name} />
            <FilmExport boardId={board.id} films={board.films} canExport={exportable} onChanged={refresh} announce={announce} />
            <ShotDecisions decisions={board.filmDecisions} title="Decisions on the film" level={3} />
          </section>
          <section aria-labelledby="review-title" className="space-y-2">
            <h2 id="review-title" className="text-lg font-semibold">
              Review
            </h2>
            <ReviewLinks boardId={board.id} links={board.reviewLinks} onChanged={refresh} announce={announce} />
          </section>
        </div>
      </div>
      {dialog && dialogShot ? (
        <ShotTakeDialog
          boardId={board.id}
          shotId={dialogShot.id}
          shotNumber={order.indexOf(dialogShot.id) + 1}
          mode={dialog.mode}
          from={picked(dialogShot)}
          onDone={(message) => {
            announce(message);
            refresh();
          }}
          onOpenTake={(jobId) => {
            // A take on this board plays in its viewer; any other opens in the gallery.
            const shot = board.shots.find((s) => s.takes.some((t) => t.id === jobId));
            if (!shot) return false;
            setDialog(null);
            setViewing({ shotId: shot.id, jobId });
            return true;
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {viewing && viewedShot ? (
        <TakeViewer
          id={viewing.jobId}
          jobs={viewedShot.takes}
          onNavigate={(jobId) => setViewing({ shotId: viewedShot.id, jobId })}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </div>
  );
}
