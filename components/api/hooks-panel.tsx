"use client";

import { useState, type FormEvent } from "react";
import useSWR from "swr";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import type { HookView } from "@/lib/hooks/manage";
import { ApiError, fetcher, send } from "@/lib/http/fetcher";
import { hookUrlProblem, HOOKS_PER_MEMBER } from "@/lib/validations/hooks";
import { HookCard } from "./hook-card";

export const HOOKS_KEY = "/api/hooks";

/** The member's outgoing webhooks: add a URL, see its secret, send a test, read the delivery log, delete. */
export function HooksPanel() {
  const { data, error, mutate } = useSWR<{ hooks: HookView[] }>(HOOKS_KEY, fetcher);
  const [url, setUrl] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function add(event: FormEvent) {
    event.preventDefault();
    const problem = url.trim() ? hookUrlProblem(url.trim()) : "The URL is empty.";
    if (problem) return setFieldError(problem);
    setBusy(true);
    try {
      await send(HOOKS_KEY, "POST", { url: url.trim() });
      setUrl("");
      setFieldError(undefined);
      setStatus("Webhook added.");
      await mutate();
    } catch (e) {
      setFieldError(e instanceof ApiError ? (e.fields.url ?? e.message) : "Could not add the webhook.");
    } finally {
      setBusy(false);
    }
  }

  const hooks = data?.hooks ?? [];
  return (
    <section aria-labelledby="hooks-heading" className="space-y-4">
      <div>
        <h2 id="hooks-heading" className="text-lg font-semibold tracking-tight">
          Webhooks
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Keyframe POSTs each of your takes to these URLs when it finishes (completed or failed), signed with the webhook&rsquo;s secret the
          way WaveSpeed signs, and retries for about a day if the receiver does not answer 2xx. Up to {HOOKS_PER_MEMBER}.
        </p>
      </div>
      <form onSubmit={add} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="flex-1">
          <Field
            label="Receiver URL"
            htmlFor="hook-url"
            error={fieldError}
            hint="http:// or https://; loopback and private addresses work."
          >
            <input
              id="hook-url"
              type="url"
              inputMode="url"
              placeholder="https://pipeline.example.com/keyframe"
              className={inputClass}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? "hook-url-error" : undefined}
            />
          </Field>
        </div>
        <Button type="submit" variant="primary" className="sm:mt-7.5" disabled={busy}>
          {busy ? "Adding…" : "Add webhook"}
        </Button>
      </form>
      <p aria-live="polite" className="sr-only">
        {status}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Could not load your webhooks: {(error as Error).message}
        </p>
      ) : data && hooks.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No webhooks yet.
        </p>
      ) : (
        <ul className="space-y-3">
          {hooks.map((hook) => (
            <li key={hook.id}>
              <HookCard hook={hook} onChanged={(message) => (setStatus(message), void mutate())} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
