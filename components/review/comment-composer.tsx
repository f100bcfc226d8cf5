"use client";

import { forwardRef } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input-class";
import { clock } from "@/lib/comments/time";
import { COMMENT_BODY_MAX } from "@/lib/validations/comments";

export type Range = { inMs: number | null; outMs: number | null };

/** The new comment: at the playhead (or over the marked range), with the drawing, sent by the button or ⌘/Ctrl+Enter. */
export const CommentComposer = forwardRef<
  HTMLTextAreaElement,
  {
    id: string;
    body: string;
    onBody: (body: string) => void;
    timeMs: number;
    range: Range;
    onClearRange: () => void;
    shapes: number;
    busy: boolean;
    error: string;
    /** Who else reads what is sent here. */
    note?: string;
    onSend: () => void;
  }
>(function CommentComposer({ id, body, onBody, timeMs, range, onClearRange, shapes, busy, error, note, onSend }, ref) {
  const start = range.inMs ?? timeMs;
  const end = range.outMs !== null && range.outMs > start ? range.outMs : null;
  const where = end === null ? `at ${clock(start)}` : `from ${clock(start)} to ${clock(end)}`;
  return (
    // Not a form: the review page holds the player inside its own form.
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          Comment {where}
          {shapes ? `, with a drawing (${shapes} shape${shapes === 1 ? "" : "s"})` : ""}
        </label>
        <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          {body.length} / {COMMENT_BODY_MAX}
        </span>
      </div>
      <textarea
        ref={ref}
        id={id}
        rows={2}
        dir="auto"
        value={body}
        onChange={(e) => onBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            onSend();
          }
        }}
        aria-invalid={Boolean(error)}
        aria-describedby={[error ? `${id}-error` : "", note ? `${id}-note` : ""].filter(Boolean).join(" ") || undefined}
        className={`${inputClass} h-auto py-2`}
      />
      {note ? (
        <p id={`${id}-note`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {note}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="primary" disabled={busy} onClick={onSend}>
          {busy ? "Sending…" : "Comment"}
        </Button>
        {range.inMs !== null || range.outMs !== null ? (
          <Button size="sm" variant="ghost" onClick={onClearRange}>
            Clear range
          </Button>
        ) : null}
      </div>
    </div>
  );
});
