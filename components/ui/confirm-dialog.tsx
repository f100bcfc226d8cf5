"use client";

import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { DialogCard, DialogClose, DialogRoot } from "./dialog";

export type ConfirmProps = {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onOpenChange: (open: boolean) => void;
};

/** Asks first, in a modal dialog, and shows the action's error there if it fails. */
export default function ConfirmDialog({ title, body, confirmLabel, danger = false, onConfirm, onOpenChange }: ConfirmProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <DialogRoot open onOpenChange={onOpenChange}>
      <DialogCard title={title}>
        <div className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{body}</div>
        {error ? (
          <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="ghost">Cancel</Button>
          </DialogClose>
          <Button
            variant={danger ? "danger" : "primary"}
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await onConfirm();
                onOpenChange(false);
              } catch (e) {
                setError(e instanceof Error ? e.message : "That did not work.");
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? "Working…" : confirmLabel}
          </Button>
        </div>
      </DialogCard>
    </DialogRoot>
  );
}
