"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { ApiError, send } from "@/lib/http/fetcher";
import type { MyFeedback, ReviewShot as Shot } from "@/lib/reviews/types";
import { COMMENT_MAX } from "@/lib/validations/review";

/** One shot for a reviewer: its takes side by side to pick a favourite from, and a comment. */
export function ReviewShot({
  token,
  shot,
  title,
  reviewer,
  mine,
  onSaved,
}: {
  token: string;
  shot: Shot;
  title: string;
  reviewer: { id: string | null; name: string };
  mine: MyFeedback[string] | undefined;
  onSaved: (mine: MyFeedback) => void;
}) {
  const [pick, setPick] = useState<string | null>(null);
  const [comment, setComment] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const chosen = pick ?? mine?.pick ?? null;
  const text = comment ?? mine?.comment ?? "";
  const id = `shot-${shot.key}`;

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setStatus("");
    try {
      const answer = await send<{ mine: MyFeedback }>(`/api/review/${token}`, "POST", {
        reviewerId: reviewer.id,
        name: reviewer.name,
        shotKey: shot.key,
        pick: chosen,
        comment: text,
      });
      onSaved(answer!.mine);
      setStatus("Sent. The team sees your pick and comment; send again to change them.");
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields);
      setStatus(error instanceof Error ? error.message : "Could not send it.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Your favourite take</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {shot.takes.map((take, i) => (
            <div
              key={take.id}
              className="space-y-1.5 rounded-lg border border-zinc-200 p-2 has-checked:border-violet-600 has-checked:ring-2 has-checked:ring-violet-600/40 dark:border-zinc-700"
            >
              <video
                src={take.video}
                poster={take.poster ?? undefined}
                controls
                muted
                playsInline
                preload="none"
                aria-label={`${title}, take ${i + 1}: ${take.prompt}`}
                className="aspect-video w-full rounded bg-black object-contain"
              />
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-pick`}
                  checked={chosen === take.id}
                  onChange={() => setPick(take.id)}
                  className="accent-violet-700"
                />
                <span className="font-medium">Take {i + 1}</span>
                <span className="text-zinc-600 dark:text-zinc-400">
                  {take.duration} s{shot.teamPick === take.id ? " · the team's pick" : ""}
                </span>
              </label>
              <p className="line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400">{take.prompt}</p>
            </div>
          ))}
        </div>
        <FieldError id={`${id}-pick-error`} message={errors.pick} />
      </fieldset>
      <div>
        <div className="mb-1 flex items-baseline justify-between">
          <label htmlFor={`${id}-comment`} className="text-sm font-medium">
            Comment (optional)
          </label>
          <span
            className={`text-xs tabular-nums ${text.length > COMMENT_MAX ? "font-semibold text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
          >
            {text.length} / {COMMENT_MAX}
          </span>
        </div>
        <textarea
          id={`${id}-comment`}
          rows={2}
          value={text}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={Boolean(errors.comment)}
          aria-describedby={errors.comment ? `${id}-comment-error` : undefined}
          className={`${inputClass} h-auto py-2`}
        />
        <FieldError id={`${id}-comment-error`} message={errors.comment} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass("primary", "sm")} disabled={busy || !reviewer.id} onClick={() => void submit()}>
          {busy ? "Sending…" : `Send for ${title.toLowerCase()}`}
        </button>
        <p role="status" aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">
          {status}
        </p>
      </div>
    </section>
  );
}
