"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

export type Duplicate = { message: string; jobId: string; priceLabel: string };

/** "Already generated: open it, or pay again?" before the same fixed-seed inputs are paid for twice. */
export function DuplicateDialog({ duplicate, onPay, onClose }: { duplicate: Duplicate | null; onPay: () => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (duplicate && !dialog.current?.open) dialog.current?.showModal();
    if (!duplicate) dialog.current?.close();
  }, [duplicate]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="duplicate-title"
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="duplicate-title" className="text-base font-semibold">
        Already generated
      </h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">{duplicate?.message}</p>
      <div className="mt-5 flex justify-end gap-2">
        <a
          href={duplicate ? `/compare?ids=${duplicate.jobId}` : "#"}
          className="inline-flex h-10 items-center rounded-lg border border-zinc-300 px-4 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Open it
        </a>
        <Button variant="primary" onClick={onPay}>
          Pay {duplicate?.priceLabel} again
        </Button>
      </div>
    </dialog>
  );
}
