"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { Switch } from "@/components/ui/switch";
import { ApiError, send } from "@/lib/http/fetcher";
import type { ReviewLinkView } from "@/lib/storyboards/types";
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from "@/lib/validations/review-controls";

const small = buttonClass("secondary", "sm");
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");
/** An ISO time as a datetime-local field's value, in this browser's zone. */
const localValue = (iso: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** One review link's use (views, reviewers, last activity) and its controls: on/off, switches, expiry, passphrase. */
export function LinkControls({
  link,
  onChanged,
  announce,
}: {
  link: ReviewLinkView;
  onChanged: () => void;
  announce: (t: string) => void;
}) {
  const c = link.controls;
  const id = `link-${link.id}`;
  const [expiry, setExpiry] = useState(localValue(c.expiresAt));
  const [passphrase, setPassphrase] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const patch = async (body: Record<string, unknown>, done: string) => {
    try {
      await send(`/api/review-links/${link.id}`, "PATCH", body);
      setErrors({});
      onChanged();
      announce(done);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields);
      announce(error instanceof Error ? error.message : "Could not change the link.");
    }
  };
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <p className="text-zinc-700 dark:text-zinc-300" data-testid="link-use">
        {c.views} view{c.views === 1 ? "" : "s"} · last activity {when(c.lastActivityAt)}
        {c.expired ? " · expired" : c.expiresAt ? ` · expires ${when(c.expiresAt)}` : ""}
        {c.enabled ? "" : " · off"}
      </p>
      {c.reviewers.length ? (
        <p className="break-words">
          Reviewers:{" "}
          {c.reviewers.map((r, i) => (
            <span key={`${r.name}-${i}`}>
              {i ? ", " : ""}
              <bdi className="font-medium">{r.name}</bdi>
              {r.lastSeenAt ? ` (seen ${when(r.lastSeenAt)})` : ""}
            </span>
          ))}
        </p>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">No reviewer has said anything yet.</p>
      )}
      <Switch
        id={`${id}-on`}
        label="Link on"
        checked={c.enabled}
        onChange={(e) =>
          void patch({ enabled: e.target.checked }, e.target.checked ? "Link turned on." : "Link turned off: it now shows “not available”.")
        }
      />
      <Switch
        id={`${id}-comment`}
        label="Reviewers can comment"
        checked={c.allowComment}
        onChange={(e) => void patch({ allowComment: e.target.checked }, "Saved.")}
      />
      <Switch
        id={`${id}-decide`}
        label="Reviewers can approve or ask for changes"
        checked={c.allowDecide}
        onChange={(e) => void patch({ allowDecide: e.target.checked }, "Saved.")}
      />
      <Switch
        id={`${id}-download`}
        label="Reviewers can download"
        checked={c.allowDownload}
        onChange={(e) => void patch({ allowDownload: e.target.checked }, "Saved.")}
      />
      <div>
        <label htmlFor={`${id}-expiry`} className="mb-1 block font-medium">
          Expires
        </label>
        <div className="flex flex-wrap gap-1.5">
          <input
            id={`${id}-expiry`}
            type="datetime-local"
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
            aria-invalid={Boolean(errors.expiresAt)}
            aria-describedby={errors.expiresAt ? `${id}-expiry-error` : undefined}
            className={`${inputClass} w-auto`}
          />
          <button
            type="button"
            className={small}
            disabled={!expiry}
            onClick={() => void patch({ expiresAt: new Date(expiry).toISOString() }, "Expiry set.")}
          >
            Set expiry
          </button>
          {c.expiresAt ? (
            <button
              type="button"
              className={small}
              onClick={() => void patch({ expiresAt: null }, "Expiry removed.").then(() => setExpiry(""))}
            >
              No expiry
            </button>
          ) : null}
        </div>
        <FieldError id={`${id}-expiry-error`} message={errors.expiresAt} />
      </div>
      <div>
        <label htmlFor={`${id}-pass`} className="mb-1 block font-medium">
          Passphrase {c.hasPassphrase ? "(set)" : "(none)"}
        </label>
        <div className="flex flex-wrap gap-1.5">
          <input
            id={`${id}-pass`}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            maxLength={PASSPHRASE_MAX}
            onChange={(e) => setPassphrase(e.target.value)}
            aria-invalid={Boolean(errors.passphrase)}
            aria-describedby={`${id}-pass-hint${errors.passphrase ? ` ${id}-pass-error` : ""}`}
            className={`${inputClass} w-auto`}
          />
          <button
            type="button"
            className={small}
            disabled={!passphrase}
            onClick={() => void patch({ passphrase }, "Passphrase set: reviewers are asked for it.").then(() => setPassphrase(""))}
          >
            {c.hasPassphrase ? "Change passphrase" : "Set passphrase"}
          </button>
          {c.hasPassphrase ? (
            <button type="button" className={small} onClick={() => void patch({ passphrase: null }, "Passphrase removed.")}>
              Remove passphrase
            </button>
          ) : null}
        </div>
        <p id={`${id}-pass-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          At least {PASSPHRASE_MIN} characters. Stored hashed; tell reviewers yourself. Changing it asks everyone again.
        </p>
        <FieldError id={`${id}-pass-error`} message={errors.passphrase} />
      </div>
    </div>
  );
}
