"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, send } from "@/lib/http/fetcher";

/** A button that POSTs to `url`, announces the outcome and refreshes the page's server data. */
export function ActionButton({ url, body, label, done }: { url: string; body?: unknown; label: string; done: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  async function run() {
    setBusy(true);
    setStatus("");
    try {
      await send(url, "POST", body);
      setStatus(done);
      router.refresh();
    } catch (error) {
      setStatus(error instanceof ApiError ? error.message : "Something went wrong; try again.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" onClick={() => void run()} disabled={busy}>
        {busy ? "Working…" : label}
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-zinc-700 dark:text-zinc-300">
        {status}
      </span>
    </span>
  );
}
