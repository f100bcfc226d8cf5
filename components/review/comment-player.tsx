"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { CommentView } from "@/lib/comments/types";
import { clock, PLAYER_FPS } from "@/lib/comments/time";
import type { DrawingShape } from "@/lib/db/enums";
import { ApiError } from "@/lib/http/fetcher";
import { DRAWING_COLORS } from "@/lib/validations/comments";
import { CommentComposer, type Range } from "./comment-composer";
import type { CommentSource } from "./comment-source";
import { CommentThreads } from "./comment-threads";
import { CommentTimeline } from "./comment-timeline";
import { DrawingOverlay, type Tool } from "./drawing-overlay";
import { DrawingTools } from "./drawing-tools";
import { PlayerControls } from "./player-controls";
import { useComments } from "./use-comments";
import { usePlayhead } from "./use-playhead";
import { playerKeyDown } from "./use-player-keys";

const HALF_FRAME_MS = 1000 / PLAYER_FPS / 2 + 1;
const NO_RANGE: Range = { inMs: null, outMs: null };

/**
 * One picture (a take or a film) with its comments: the video, a timeline with a marker per thread, drawing on
 * the frame, the composer and the threads. The same player in the take viewer, the storyboard and the review page.
 */
export function CommentPlayer({
  src,
  poster,
  label,
  width,
  height,
  durationMs,
  source,
}: {
  src: string;
  poster?: string | null;
  label: string;
  width?: number | null;
  height?: number | null;
  durationMs: number;
  source: CommentSource;
}) {
  const id = useId();
  const composer = useRef<HTMLTextAreaElement>(null);
  const { ref: videoRef, ...head } = usePlayhead(durationMs);
  const { comments, add, resolve } = useComments(source);
  const [body, setBody] = useState("");
  const [shapes, setShapes] = useState<DrawingShape[]>([]);
  const [drawing, setDrawing] = useState(false);
  const [tool, setTool] = useState<Tool>("arrow");
  const [color, setColor] = useState<string>(DRAWING_COLORS[0]);
  const [range, setRange] = useState<Range>(NO_RANGE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const [activeId, setActiveId] = useState<string | null>(null);

  const { threads, replies } = useMemo(() => {
    const threads = comments.filter((c) => !c.parentId).sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
    const replies = new Map<string, CommentView[]>();
    for (const c of comments) if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
    return { threads, replies };
  }, [comments]);
  const onFrame = threads.filter((t) => t.drawing && Math.abs((t.atMs ?? 0) - head.timeMs) <= HALF_FRAME_MS);
  const shown = [...onFrame.flatMap((t) => t.drawing ?? []), ...shapes];
  const ratio = width && height ? width / height : 16 / 9;
  const writable = source.canWrite !== false;

  const startComment = () => {
    head.pause();
    composer.current?.focus();
  };
  const seekTo = (thread: CommentView) => {
    head.pause();
    head.seek(thread.atMs ?? 0);
    setActiveId(thread.id);
    setStatus(`At ${clock(thread.atMs ?? 0)}: ${thread.name}'s comment${thread.drawing ? ", with its drawing" : ""}.`);
  };
  const send = async () => {
    if (source.missing) return setError(source.missing);
    const atMs = Math.round(range.inMs ?? head.timeMs);
    const endMs = range.outMs !== null && range.outMs > atMs ? Math.round(range.outMs) : undefined;
    setBusy(true);
    try {
      await add({ body, atMs, endMs, drawing: shapes.length ? shapes : undefined });
      setBody("");
      setShapes([]);
      setDrawing(false);
      setRange(NO_RANGE);
      setError("");
      setStatus(`Comment added at ${clock(atMs)}.`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not send the comment; try again.");
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) =>
    playerKeyDown({
      toggle: head.toggle,
      step: head.step,
      seekBy: (ms) => head.seek(head.timeMs + ms),
      comment: writable ? startComment : () => {},
      draw: () => {
        if (!writable) return;
        head.pause();
        setDrawing((on) => !on);
      },
      markIn: () => setRange((r) => ({ ...r, inMs: head.timeMs })),
      markOut: () => setRange((r) => ({ ...r, outMs: head.timeMs })),
    })(e);

  return (
    // A group, not a region: the review page's shots are the regions, named "Shot 1" and so on.
    <div
      role="group"
      aria-label={`Comments on the picture of ${label}`}
      onKeyDown={onKeyDown}
      className="space-y-3"
      data-testid="comment-player"
    >
      <div
        className="relative mx-auto w-full overflow-hidden rounded-lg bg-black"
        style={{ aspectRatio: String(ratio), maxWidth: `calc(60dvh * ${ratio})` }}
      >
        <video
          ref={videoRef}
          src={src}
          poster={poster ?? undefined}
          playsInline
          muted
          preload="metadata"
          aria-label={label}
          onClick={() => (drawing ? undefined : head.toggle())}
          className="absolute inset-0 h-full w-full"
        />
        <DrawingOverlay
          shapes={shown}
          drawing={drawing}
          tool={tool}
          color={color}
          label={shown.length ? `Drawing on the frame: ${shown.length} shape${shown.length === 1 ? "" : "s"}` : "No drawing on this frame"}
          onShape={(shape) => {
            head.pause();
            setShapes((all) => [...all, shape]);
          }}
        />
      </div>
      <PlayerControls head={head} onSeekText={head.seek} />
      <CommentTimeline
        threads={threads}
        timeMs={head.timeMs}
        durationMs={head.durationMs}
        label={`Playhead of ${label}`}
        onSeek={(ms, thread) => (thread ? seekTo(thread) : head.seek(ms))}
      />
      {writable ? (
        <DrawingTools
          drawing={drawing}
          onDrawing={(on) => {
            head.pause();
            setDrawing(on);
          }}
          tool={tool}
          onTool={setTool}
          color={color}
          onColor={setColor}
          count={shapes.length}
          onUndo={() => setShapes((all) => all.slice(0, -1))}
          onClear={() => setShapes([])}
        />
      ) : null}
      {writable ? (
        <CommentComposer
          ref={composer}
          id={`${id}-comment`}
          body={body}
          onBody={setBody}
          timeMs={head.timeMs}
          range={range}
          onClearRange={() => setRange(NO_RANGE)}
          shapes={shapes.length}
          busy={busy}
          error={error}
          note={source.audience}
          onSend={() => void send()}
        />
      ) : null}
      {/* Polite, and no second role=status beside the page's own. */}
      <p aria-live="polite" className="min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
        {status}
      </p>
      <CommentThreads
        threads={threads}
        replies={replies}
        activeId={activeId}
        onSeek={seekTo}
        onReply={
          writable
            ? async (thread, text) => {
                if (source.missing) throw new ApiError(400, "validation_failed", source.missing);
                await add({ body: text, parentId: thread.id });
              }
            : undefined
        }
        onResolve={source.canResolve ? (thread, resolved) => void resolve(thread.id, resolved) : undefined}
      />
    </div>
  );
}
