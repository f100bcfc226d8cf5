"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { ApiError, send } from "@/lib/http/fetcher";
import { PASSPHRASE_MAX } from "@/lib/validations/review-controls";

/** Asks for a link's passphrase; the right one sets a pass for this link and shows the review. */
export function PassphraseGate({ token }: { token: string }) {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError("");
    try {
      await send(`/api/review/${token}/passphrase`, "POST", { passphrase: value });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields.passphrase ?? e.message) : "Could not check the passphrase; try again.");
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1 className="text-xl font-semibold tracking-tight">This review asks for a passphrase</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">Whoever sent you the link has it. No account needed.</p>
      <div>
        <label htmlFor="review-passphrase" className="mb-1 block text-sm font-medium">
          Passphrase
        </label>
        <input
          id="review-passphrase"
          type="password"
          autoComplete="off"
          maxLength={PASSPHRASE_MAX}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "review-passphrase-error" : undefined}
          className={inputClass}
        />
        <div role="alert">
          <FieldError id="review-passphrase-error" message={error} />
        </div>
      </div>
      <button type="submit" className={buttonClass("primary")} disabled={busy || !value}>
        {busy ? "Checking…" : "Open the review"}
      </button>
    </form>
  );
}
