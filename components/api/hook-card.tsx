"use client";

import { useState } from "react";
import useSWR from "swr";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { DeliveryView, HookView } from "@/lib/hooks/manage";
import { ApiError, fetcher, send } from "@/lib/http/fetcher";
import { DeliveryLog } from "./delivery-log";

/** One webhook: its URL and secret, Send test, its delivery log, and delete (asked first). */
export function HookCard({ hook, onChanged }: { hook: HookView; onChanged: (message: string) => void }) {
  const logKey = `/api/hooks/${hook.id}/deliveries`;
  const log = useSWR<{ deliveries: DeliveryView[] }>(logKey, fetcher, { refreshInterval: 10_000 });
  const [shown, setShown] = useState(false);
  const [testing, setTesting] = useState(false);
  const [note, setNote] = useState("");

  async function test() {
    setTesting(true);
    setNote("Sending a test event…");
    try {
      const answer = await send<{ delivery: DeliveryView }>(`/api/hooks/${hook.id}/test`, "POST");
      const d = answer!.delivery;
      setNote(d.status === "delivered" ? `Test delivered (${d.responseStatus}).` : `Test failed: ${d.error ?? "no answer"}`);
    } catch (e) {
      setNote(e instanceof ApiError ? e.message : "Could not send the test.");
    } finally {
      setTesting(false);
      await log.mutate();
    }
  }

  async function copy() {
    await navigator.clipboard.writeText(hook.secret ?? "").then(
      () => setNote("Secret copied."),
      () => setNote("Could not copy; select the secret and copy it."),
    );
  }

  return (
    <article
      aria-label={`Webhook ${hook.url}`}
      className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 font-mono text-sm break-all text-zinc-900 dark:text-zinc-100">{hook.url}</p>
        <div className="flex gap-1">
          <Button size="sm" onClick={() => void test()} disabled={testing}>
            {testing ? "Sending…" : "Send test"}
          </Button>
          <ConfirmButton
            title="Delete this webhook?"
            body={
              <p>
                Keyframe stops sending takes to <span className="font-mono break-all">{hook.url}</span>, and its delivery log is deleted.
              </p>
            }
            confirmLabel="Delete webhook"
            danger
            onConfirm={async () => {
              await send(`/api/hooks/${hook.id}`, "DELETE");
              onChanged("Webhook deleted.");
            }}
          >
            Delete
          </ConfirmButton>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">Signing secret</span>
        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs break-all dark:bg-zinc-800">
          {shown ? hook.secret : "whsec_••••••••••••"}
        </code>
        <Button size="sm" variant="ghost" onClick={() => setShown(!shown)} aria-pressed={shown}>
          {shown ? "Hide" : "Show"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => void copy()}>
          Copy secret
        </Button>
      </div>
      <p aria-live="polite" className="mt-2 min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
        {note}
      </p>
      <DeliveryLog deliveries={log.data?.deliveries} />
    </article>
  );
}
