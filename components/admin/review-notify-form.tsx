"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { ApiError, send } from "@/lib/http/fetcher";

export type NotifyView = { slackConfigured: boolean; slackHost: string | null; lastSentAt: string | null; lastError: string | null };

/** Where reviewers' comments and decisions go in batches: a Slack-compatible incoming webhook (a secret: never shown again). */
export function ReviewNotifyForm({ initial }: { initial: NotifyView }) {
  const [view, setView] = useState(initial);
  const [url, setUrl] = useState("");
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const save = async (slackUrl: string | null) => {
    try {
      setView((await send<NotifyView>("/api/admin/review-notify", "PUT", { slackUrl }))!);
      setUrl("");
      setError("");
      setStatus(slackUrl ? "Saved: review news goes there in batches every few minutes." : "Review news is no longer sent.");
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields.slackUrl ?? e.message) : "Could not save.");
    }
  };
  return (
    <section aria-labelledby="review-notify-title" className="space-y-3">
      <h2 id="review-notify-title" className="text-base font-semibold">
        Review notifications
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {view.slackConfigured
          ? `Reviewers' comments and decisions go to a webhook at ${view.slackHost}, a few minutes' worth at a time.`
          : "Reviewers' comments and decisions show in the app only. Add a Slack-compatible incoming webhook to get them in batches."}
        {view.lastError ? ` Last try: ${view.lastError}` : ""}
      </p>
      <label htmlFor="review-notify-url" className="block text-sm font-medium">
        Incoming webhook address
      </label>
      <form
        noValidate
        className="flex flex-wrap items-start gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void save(url.trim());
        }}
      >
        <div className="min-w-0 flex-1">
          <input
            id="review-notify-url"
            type="url"
            placeholder="https://hooks.slack.com/services/…"
            autoComplete="off"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? "review-notify-error" : undefined}
            className={inputClass}
          />
          <FieldError id="review-notify-error" message={error} />
        </div>
        <button type="submit" className={buttonClass("primary", "sm")} disabled={!url.trim()}>
          {view.slackConfigured ? "Replace webhook" : "Save webhook"}
        </button>
        {view.slackConfigured ? (
          <button type="button" className={buttonClass("secondary", "sm")} onClick={() => void save(null)}>
            Stop sending
          </button>
        ) : null}
      </form>
      <p role="status" aria-live="polite" className="text-sm text-violet-800 dark:text-violet-300">
        {status}
      </p>
    </section>
  );
}
