"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { send } from "@/lib/http/fetcher";
import { BOARD_NAME_MAX, boardNameSchema } from "@/lib/validations/storyboard";

/** Names a new, empty storyboard and opens it. */
export function NewBoardForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const parsed = boardNameSchema.safeParse(name);
        if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Not a valid name.");
        setBusy(true);
        try {
          const board = await send<{ id: string }>("/api/storyboards", "POST", { name: parsed.data });
          router.push(`/storyboards/${board!.id}`);
        } catch (err) {
          setError(err instanceof Error ? err.message : "Could not create it.");
          setBusy(false);
        }
      }}
      noValidate
      className="flex flex-wrap items-end gap-2"
    >
      <div className="min-w-56 flex-1">
        <label htmlFor="new-board-name" className="mb-1 block text-sm font-medium">
          New storyboard
        </label>
        <input
          id="new-board-name"
          value={name}
          maxLength={BOARD_NAME_MAX + 20}
          placeholder="e.g. Opening sequence"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "new-board-name-error" : undefined}
          className={inputClass}
        />
      </div>
      <button type="submit" className={buttonClass("primary")} disabled={busy}>
        Create storyboard
      </button>
      <div className="basis-full">
        <FieldError id="new-board-name-error" message={error ?? undefined} />
      </div>
    </form>
  );
}
