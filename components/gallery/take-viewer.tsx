"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import useSWR from "swr";
import { MemberComments } from "@/components/review/member-comments";
import { fetcher } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import { shortPrompt } from "./card-picture";
import { ViewerActions, type Note } from "./viewer-actions";
import { ViewerPanel } from "./viewer-panel";

/** Keys pressed here are theirs: typing, and a menu's arrows (the link menu floats inside the viewer). */
const OWN_KEYS = "input, textarea, select, [contenteditable=true], [role=menu]";

/**
 * The keys for what the video's own controls do, which the keyboard cannot reach (see below): M mutes,
 * J and L seek back and on a second, F goes full screen (Escape, the browser's own key, comes back out).
 * True when `key` was one of them.
 */
function videoKey(key: string, v: HTMLVideoElement | null): boolean {
  if (!v || !["m", "j", "l", "f"].includes(key)) return false;
  if (key === "m") v.muted = !v.muted;
  else if (key === "j") v.currentTime = Math.max(0, v.currentTime - 1);
  else if (key === "l") v.currentTime = Math.min(v.duration || 0, v.currentTime + 1);
  else void v.requestFullscreen?.().catch(() => {});
  return true;
}

/**
 * A take full screen, in a modal dialog (focus held inside and returned on close): arrow keys page
 * through the gallery in its order, Space plays and pauses, M J L F work the video, Escape closes.
 * Everything the take's card offers is here too; on a phone it is the place for it.
 */
export default function TakeViewer({
  id,
  jobs,
  selected,
  onSelect,
  onNavigate,
  onClose,
}: {
  id: string;
  jobs: JobView[];
  /** Takes chosen for compare, where the viewer's page has a selection (the gallery does, a storyboard not). */
  selected?: string[];
  onSelect?: (id: string, on: boolean) => void;
  onNavigate: (id: string) => void;
  onClose: () => void;
}) {
  const listed = jobs.find((j) => j.id === id);
  // A take that is not in the loaded pages (an old link, another filter) is fetched on its own.
  const { data: fetched, error } = useSWR<JobView>(listed ? null : `/api/jobs/${id}`, fetcher);
  const job = listed ?? fetched;
  const index = jobs.findIndex((j) => j.id === id);
  const prev = index > 0 ? jobs[index - 1] : undefined;
  const next = index >= 0 ? jobs[index + 1] : undefined;
  const video = useRef<HTMLVideoElement>(null);
  const content = useRef<HTMLDivElement | null>(null);
  const [dialog, setDialog] = useState<HTMLDivElement | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [commenting, setCommenting] = useState(false);
  const commentable = Boolean(job?.video?.stored && job.status === "completed");

  // Leaving full screen drops focus on the page's body, where the viewer's keys no longer reach it.
  useEffect(() => {
    const back = () => (document.fullscreenElement ? undefined : content.current?.focus());
    document.addEventListener("fullscreenchange", back);
    return () => document.removeEventListener("fullscreenchange", back);
  }, []);

  const go = (target: JobView | undefined) => {
    if (!target) return;
    setNote(null);
    onNavigate(target.id);
  };
  // A deleted take gives way to the next one, as the gallery closes up over it.
  const onDeleted = () => {
    const after = next ?? prev;
    if (!after) return onClose();
    go(after);
    content.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    // Keys pressed in a dialog over this one (Retry's confirm, portalled) bubble here through React's tree.
    if (!e.currentTarget.contains(target) || target.closest(OWN_KEYS) || e.altKey) return;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") go(next);
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") go(prev);
    else if (e.key === " " && !target.closest("button, a")) {
      const v = video.current;
      if (v) void (v.paused ? v.play() : v.pause());
    } else if (e.ctrlKey || e.metaKey || !videoKey(e.key.toLowerCase(), video.current)) return;
    e.preventDefault();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/90" />
        <Dialog.Content
          ref={(el) => {
            content.current = el;
            setDialog(el);
          }}
          aria-describedby={undefined}
          onKeyDown={onKeyDown}
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            content.current?.focus();
          }}
          onCloseAutoFocus={(e) => {
            const card = document.querySelector<HTMLElement>(`[data-job-id="${CSS.escape(id)}"] [data-open-take]`);
            if (!card) return;
            e.preventDefault();
            card.focus({ preventScroll: false });
          }}
          className="fixed inset-0 z-50 flex flex-col overflow-y-auto text-zinc-100 outline-none lg:flex-row lg:overflow-hidden"
        >
          <Dialog.Title className="sr-only">{job ? `Take: ${shortPrompt(job.prompt)}` : "Take"}</Dialog.Title>
          <div className="relative flex min-h-[50dvh] flex-none items-center justify-center p-2 lg:flex-1 lg:p-6">
            {job?.video && commenting && commentable ? (
              <div className="max-h-full w-full max-w-5xl overflow-y-auto lg:max-h-[calc(100dvh-3rem)]">
                <MemberComments
                  key={job.id}
                  target={{ jobId: job.id }}
                  src={job.video.src}
                  poster={job.video.poster}
                  label={`Take: ${shortPrompt(job.prompt)}`}
                  width={job.video.width}
                  height={job.video.height}
                  durationMs={job.params.duration * 1000}
                />
              </div>
            ) : job?.video ? (
              <video
                key={job.id}
                ref={video}
                src={job.video.src}
                poster={job.video.poster ?? job.image.src}
                controls
                // Chromium keeps the keys pressed in its native controls to itself: from there Escape, the
                // arrows and Space never reach the dialog. So focus never rests in them: the video is out of
                // the Tab order (Space plays, the arrows page), a click on a control hands focus back to the
                // dialog, and the overflow menu, which that would close at once, is left out (Download is
                // beside the video). The keys M, J, L and F do what its controls would.
                tabIndex={-1}
                onFocus={() => content.current?.focus()}
                controlsList="nodownload noplaybackrate"
                disablePictureInPicture
                disableRemotePlayback
                autoPlay={!job.video.nsfw}
                muted
                loop
                playsInline
                aria-label={`Video: ${job.prompt}`}
                className="max-h-[70dvh] max-w-full rounded-lg bg-black lg:max-h-[calc(100dvh-3rem)]"
              />
            ) : job ? (
              // eslint-disable-next-line @next/next/no-img-element -- stored inputs and user URLs
              <img
                src={job.image.src}
                alt={`Start image of: ${job.prompt}`}
                className="max-h-[80dvh] max-w-full rounded-lg object-contain opacity-80"
              />
            ) : (
              <p className="text-sm text-zinc-300">{error ? "This take does not exist or was deleted." : "Loading…"}</p>
            )}
          </div>
          <aside
            aria-label="About this take"
            className="w-full shrink-0 border-zinc-800 bg-zinc-950 p-4 lg:w-96 lg:overflow-y-auto lg:border-l"
          >
            <div className="mb-4 flex items-center gap-2">
              <button type="button" onClick={() => go(prev)} disabled={!prev} className={navClass} aria-label="Previous take">
                ←
              </button>
              <button type="button" onClick={() => go(next)} disabled={!next} className={navClass} aria-label="Next take">
                →
              </button>
              <span className="text-xs text-zinc-400 tabular-nums">{index >= 0 ? `${index + 1} of ${jobs.length}` : ""}</span>
              {commentable ? (
                <button
                  type="button"
                  onClick={() => setCommenting((on) => !on)}
                  aria-pressed={commenting}
                  className={`${navClass} ml-auto px-3`}
                >
                  {commenting ? "Hide comments" : "Comments"}
                </button>
              ) : null}
              <Dialog.Close className={`${navClass} ${commentable ? "" : "ml-auto"} px-3`}>Close</Dialog.Close>
            </div>
            {/* Keys are for where a keyboard is likely: not on a touch screen, nor on a phone-sized one. */}
            <p className="mb-4 hidden text-xs text-zinc-400 sm:pointer-fine:block">
              <Key>←</Key> <Key>→</Key> takes · <Key>Space</Key> play · <Key>M</Key> sound · <Key>J</Key> <Key>L</Key> seek · <Key>F</Key>{" "}
              full screen · <Key>Esc</Key> close
            </p>
            {job ? (
              <ViewerActions
                key={job.id}
                job={job}
                selected={selected}
                onSelect={onSelect}
                onNote={setNote}
                onClose={onClose}
                onDeleted={onDeleted}
                menuContainer={dialog}
              />
            ) : null}
            <div role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-violet-200">
              {note?.text}
              {note?.link ? (
                <input
                  readOnly
                  aria-label="Share link"
                  value={note.link}
                  onFocus={(e) => e.currentTarget.select()}
                  className="mt-1 block w-full rounded border border-zinc-600 bg-zinc-900 px-2 py-1 font-mono text-xs"
                />
              ) : null}
            </div>
            {job ? <ViewerPanel job={job} /> : null}
          </aside>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

const navClass =
  "inline-flex h-8 min-w-8 items-center justify-center rounded-md border border-zinc-700 text-sm text-zinc-100 outline-none hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-violet-400 disabled:text-zinc-500";

const Key = ({ children }: { children: string }) => (
  <kbd className="rounded border border-zinc-700 px-1 font-sans text-[0.7rem] text-zinc-300">{children}</kbd>
);
