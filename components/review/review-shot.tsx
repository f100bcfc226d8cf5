"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import type { ReviewShot as Shot } from "@/lib/reviews/types";
import { COMMENT_MAX } from "@/lib/validations/review";
import type { Word } from "./use-drafts";
import type { ShotErrors } from "./use-review";

const STATE = {
  sent: { text: "Sent", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100" },
  unsent: { text: "Not sent yet", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100" },
} as const;

/** One shot for a reviewer: its takes side by side to pick a favourite from, and a comment (sent with the rest). */
export function ReviewShot({
  shot,
  title,
  word,
  state,
  errors,
  onChange,
  children,
  allowComment = true,
  download = false,
  extra,
}: {
  shot: Shot;
  title: string;
  word: Word;
  state: keyof typeof STATE | null;
  errors: ShotErrors | undefined;
  onChange: (word: Word) => void;
  /** The comment player for this shot's picture. */
  children?: ReactNode;
  allowComment?: boolean;
  download?: boolean;
  /** The decision control, below the takes. */
  extra?: ReactNode;
}) {
  const id = `shot-${shot.key}`;
  const described = (field: "pick" | "comment") => (errors?.[field] ? `${id}-${field}-error` : undefined);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        {state ? (
          <p data-testid="shot-state" className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE[state].className}`}>
            {STATE[state].text}
          </p>
        ) : null}
      </div>
      <fieldset aria-describedby={described("pick")}>
        <legend className="mb-2 text-sm font-medium">Your favourite take</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {shot.takes.map((take, i) => (
            <div
              key={take.id}
              className="min-w-0 space-y-1.5 rounded-lg border border-zinc-200 p-2 has-checked:border-violet-600 has-checked:ring-2 has-checked:ring-violet-600/40 dark:border-zinc-700"
            >
              <video
                src={take.video}
                poster={take.poster ?? undefined}
                controls
                muted
                playsInline
                preload="none"
                controlsList={download ? undefined : "nodownload"}
                aria-label={`${title}, take ${i + 1}: ${take.prompt}`}
                className="aspect-video w-full rounded bg-black object-contain"
              />
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-pick`}
                  checked={word.pick === take.id}
                  onChange={() => onChange({ ...word, pick: take.id })}
                  className="accent-violet-700"
                />
                <span className="font-medium">Take {i + 1}</span>
                <span className="text-zinc-600 dark:text-zinc-400">
                  {take.model} · {take.duration} s{shot.teamPick === take.id ? " · the team's pick" : ""}
                </span>
              </label>
              <p dir="auto" className="line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400">
                {take.prompt}
              </p>
              {download ? (
                <a href={`${take.video}?download`} className="text-xs text-violet-800 underline dark:text-violet-300">
                  Download take {i + 1}
                </a>
              ) : null}
            </div>
          ))}
        </div>
        <FieldError id={`${id}-pick-error`} message={errors?.pick ?? errors?.shotKey} />
      </fieldset>
      {extra}
      {allowComment ? (
        <div>
          <div className="mb-1 flex items-baseline justify-between">
            <label htmlFor={`${id}-comment`} className="text-sm font-medium">
              Comment (optional)
            </label>
            <span
              className={`text-xs tabular-nums ${word.comment.length > COMMENT_MAX ? "font-semibold text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
            >
              {word.comment.length} / {COMMENT_MAX}
            </span>
          </div>
          <textarea
            id={`${id}-comment`}
            rows={2}
            dir="auto"
            value={word.comment}
            onChange={(e) => onChange({ ...word, comment: e.target.value })}
            aria-invalid={Boolean(errors?.comment)}
            aria-describedby={described("comment")}
            className={`${inputClass} h-auto py-2`}
          />
          <FieldError id={`${id}-comment-error`} message={errors?.comment} />
        </div>
      ) : null}
      {word.pick || word.comment ? (
        // Sent with the rest: the team then no longer sees this reviewer's word on the shot.
        <Button variant="ghost" size="sm" onClick={() => onChange({ pick: null, comment: "" })}>
          Clear pick and comment
        </Button>
      ) : null}
      {children}
    </section>
  );
}
