"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input-class";
import type { CommentView } from "@/lib/comments/types";
import { span } from "@/lib/comments/time";
import { ApiError } from "@/lib/http/fetcher";
import { COMMENT_BODY_MAX } from "@/lib/validations/comments";

function Reply({ onReply }: { onReply: (body: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState("");
  const send = () =>
    onReply(body).then(
      () => {
        setBody("");
        setOpen(false);
        setError("");
      },
      (err: unknown) => setError(err instanceof ApiError ? err.message : "Could not send; try again."),
    );
  if (!open) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Reply
      </Button>
    );
  }
  return (
    <div className="mt-1 space-y-1">
      <textarea
        aria-label="Your reply"
        rows={2}
        dir="auto"
        maxLength={COMMENT_BODY_MAX}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        className={`${inputClass} h-auto py-1.5`}
      />
      {error ? <p className="text-xs text-red-700 dark:text-red-400">{error}</p> : null}
      <div className="flex gap-2">
        <Button size="sm" variant="primary" onClick={send}>
          Send reply
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** The threads in time order: each opens with its time (a button that seeks), then its replies. */
export function CommentThreads({
  threads,
  replies,
  activeId,
  onSeek,
  onReply,
  onResolve,
}: {
  threads: CommentView[];
  replies: Map<string, CommentView[]>;
  activeId: string | null;
  onSeek: (thread: CommentView) => void;
  /** Absent where replies are turned off (a review link with comments off). */
  onReply?: (thread: CommentView, body: string) => Promise<void>;
  onResolve?: (thread: CommentView, resolved: boolean) => void;
}) {
  if (threads.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No comments on this picture yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Comments">
      {threads.map((t) => (
        <li
          key={t.id}
          data-testid="comment-thread"
          className={`rounded-lg border p-2.5 text-sm ${t.id === activeId ? "border-violet-600 ring-1 ring-violet-600" : "border-zinc-200 dark:border-zinc-700"}`}
        >
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <button
              type="button"
              onClick={() => onSeek(t)}
              className="rounded bg-violet-100 px-1.5 py-0.5 font-mono text-xs font-semibold text-violet-900 tabular-nums hover:bg-violet-200 dark:bg-violet-950 dark:text-violet-100"
            >
              {span(t.atMs ?? 0, t.endMs)}
            </button>
            <span className="font-medium">
              <bdi>{t.name}</bdi>
            </span>
            {t.author === "member" ? <span className="text-xs text-zinc-600 dark:text-zinc-400">team</span> : null}
            {t.drawing ? <span className="text-xs text-zinc-600 dark:text-zinc-400">· drawing</span> : null}
            {t.resolved ? (
              <span className="rounded-full bg-emerald-100 px-2 text-xs font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
                Resolved
              </span>
            ) : null}
          </div>
          <p dir="auto" className="mt-1 break-words whitespace-pre-wrap">
            {t.body}
          </p>
          {(replies.get(t.id) ?? []).map((r) => (
            <div key={r.id} className="mt-2 border-l-2 border-zinc-300 pl-2 dark:border-zinc-600">
              <p className="text-xs font-medium">
                <bdi>{r.name}</bdi>
                {r.author === "member" ? <span className="font-normal text-zinc-600 dark:text-zinc-400"> · team</span> : null}
              </p>
              <p dir="auto" className="break-words whitespace-pre-wrap">
                {r.body}
              </p>
            </div>
          ))}
          <div className="mt-1 flex flex-wrap gap-1">
            {onReply ? <Reply onReply={(body) => onReply(t, body)} /> : null}
            {onResolve ? (
              <Button size="sm" variant="ghost" onClick={() => onResolve(t, !t.resolved)}>
                {t.resolved ? "Reopen" : "Resolve"}
              </Button>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
