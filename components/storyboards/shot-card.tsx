"use client";

import type { DragEvent, KeyboardEvent } from "react";
import { shortPrompt } from "@/components/gallery/card-picture";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { isFinished } from "@/lib/jobs/types";
import type { ShotView } from "@/lib/storyboards/types";
import type { ShotTakeMode } from "./shot-take-dialog";
import { TakeOption, takeDifferences } from "./take-option";
import { ShotDecisions } from "./shot-decisions";

export const SHOT_MIME = "application/x-keyframe-shot";

const small = buttonClass("secondary", "sm");

export type ShotHandlers = {
  onMove: (shotId: string, by: -1 | 1) => void;
  onDropOn: (draggedId: string, targetId: string) => void;
  onPick: (shotId: string, jobId: string) => void;
  onRemove: (shotId: string) => Promise<void>;
  onGenerate: (shotId: string, mode: ShotTakeMode) => void;
  /** Plays one of the shot's takes, without picking it. */
  onPlay: (shotId: string, jobId: string) => void;
};

/** One shot: its picked take playing, its alternates to pick from, reviewers' word on it, and what can be done with it. */
export function ShotCard({ shot, number, total, handlers }: { shot: ShotView; number: number; total: number; handlers: ShotHandlers }) {
  const picked = shot.takes.find((t) => t.id === shot.pickedJobId) ?? shot.takes[0]!;
  const diff = takeDifferences(shot.takes);
  const titleId = `shot-${shot.id}-title`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
    e.preventDefault();
    handlers.onMove(shot.id, e.key === "ArrowUp" ? -1 : 1);
  };
  const onDrop = (e: DragEvent) => {
    const dragged = e.dataTransfer.getData(SHOT_MIME);
    e.currentTarget.removeAttribute("data-drop");
    if (!dragged || dragged === shot.id) return;
    e.preventDefault();
    handlers.onDropOn(dragged, shot.id);
  };
  return (
    <li
      data-shot-id={shot.id}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(SHOT_MIME)) return;
        e.preventDefault();
        e.currentTarget.setAttribute("data-drop", "");
      }}
      onDragLeave={(e) => e.currentTarget.removeAttribute("data-drop")}
      onDrop={onDrop}
      className="rounded-xl border border-zinc-200 bg-white p-3 shadow-sm data-drop:border-violet-600 data-drop:ring-2 data-drop:ring-violet-600/40 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span
          draggable
          data-drag-handle
          aria-hidden
          title="Drag to reorder"
          onDragStart={(e) => {
            e.dataTransfer.setData(SHOT_MIME, shot.id);
            e.dataTransfer.effectAllowed = "move";
            const card = e.currentTarget.closest("li");
            if (card) e.dataTransfer.setDragImage(card, 24, 24);
          }}
          className="cursor-grab rounded px-1 text-lg leading-none text-zinc-500 select-none active:cursor-grabbing"
        >
          ⠿
        </span>
        <h3 id={titleId} className="text-base font-semibold">
          Shot {number}
        </h3>
        <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
          {picked.params.duration} s · {shot.takes.length} take{shot.takes.length === 1 ? "" : "s"}
        </span>
        <div className="ml-auto flex gap-1">
          <button
            type="button"
            className={small}
            disabled={number === 1}
            aria-keyshortcuts="Alt+ArrowUp"
            onClick={() => handlers.onMove(shot.id, -1)}
            data-move="up"
          >
            Move up
          </button>
          <button
            type="button"
            className={small}
            disabled={number === total}
            aria-keyshortcuts="Alt+ArrowDown"
            onClick={() => handlers.onMove(shot.id, 1)}
            data-move="down"
          >
            Move down
          </button>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-[minmax(0,22rem)_1fr]">
        <div className="overflow-hidden rounded-lg bg-black">
          {picked.video ? (
            <video
              key={picked.id}
              src={picked.video.src}
              poster={picked.video.poster ?? picked.image.src}
              controls
              muted
              playsInline
              preload="none"
              aria-label={`Shot ${number}, picked take: ${shortPrompt(picked.prompt)}`}
              className="aspect-video w-full object-contain"
            />
          ) : (
            <p className="flex aspect-video items-center justify-center p-3 text-center text-sm text-zinc-200">
              {isFinished(picked.status) ? "This take has no video." : "Generating…"}
            </p>
          )}
        </div>
        <div className="min-w-0 space-y-3">
          <p className="line-clamp-3 text-sm text-zinc-800 dark:text-zinc-200" title={picked.prompt} data-testid="shot-prompt">
            {picked.prompt}
          </p>
          {/* A fieldset is as wide as its content unless told otherwise: the takes wrap within the shot. */}
          <fieldset className="min-w-0">
            <legend className="mb-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">Picked take for the film</legend>
            {shot.takes.length > 1 && (diff.keys.size > 0 || diff.prompts) ? (
              <p className="mb-1 text-xs text-zinc-600 dark:text-zinc-400">Highlighted: what differs between the takes.</p>
            ) : null}
            <div className="grid grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))] gap-2">
              {shot.takes.map((take, i) => (
                <TakeOption
                  key={take.id}
                  shot={shot}
                  take={take}
                  index={i}
                  diff={diff}
                  onPick={(jobId) => handlers.onPick(shot.id, jobId)}
                  onPlay={(jobId) => handlers.onPlay(shot.id, jobId)}
                />
              ))}
            </div>
          </fieldset>
          <div className="flex flex-wrap gap-1.5">
            <button
              type="button"
              className={small}
              disabled={!picked.video?.lastFrame}
              onClick={() => handlers.onGenerate(shot.id, "continue")}
            >
              Continue from last frame
            </button>
            <button type="button" className={small} onClick={() => handlers.onGenerate(shot.id, "retake")}>
              New take
            </button>
            <ConfirmButton
              title={`Remove shot ${number}?`}
              body={<p>The shot leaves this storyboard; its takes stay in the gallery.</p>}
              confirmLabel="Remove shot"
              danger
              onConfirm={() => handlers.onRemove(shot.id)}
            >
              Remove shot
            </ConfirmButton>
          </div>
        </div>
      </div>
      <ShotDecisions decisions={shot.decisions} />
      {shot.feedback.length ? (
        <div className="mt-3 border-t border-zinc-200 pt-2 dark:border-zinc-800">
          <h4 className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Reviewers</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {shot.feedback.map((f) => {
              const index = shot.takes.findIndex((t) => t.id === f.pickedJobId);
              return (
                <li key={`${f.name}-${f.at}`} className="break-words">
                  <bdi className="font-medium">{f.name}</bdi>
                  {index >= 0 ? ` picked take ${index + 1}` : ""}
                  {f.comment ? (
                    <span className="whitespace-pre-wrap">
                      : “<bdi>{f.comment}</bdi>”
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
