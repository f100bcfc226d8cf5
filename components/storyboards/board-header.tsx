"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { send } from "@/lib/http/fetcher";
import type { StoryboardView } from "@/lib/storyboards/types";
import { boardNameSchema } from "@/lib/validations/storyboard";

/** The board's name (renamed in place), who made it, and deleting it. */
export function BoardHeader({
  board,
  onRename,
  announce,
}: {
  board: StoryboardView;
  onRename: (name: string) => Promise<void>;
  announce: (text: string) => void;
}) {
  const router = useRouter();
  const [name, setName] = useState(board.name);
  const [error, setError] = useState<string | null>(null);
  const rename = async () => {
    const parsed = boardNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Not a valid name.");
    setError(null);
    try {
      await onRename(parsed.data);
      announce(`Renamed to “${parsed.data}”.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not rename it.");
    }
  };
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight break-words">
          <bdi>{board.name}</bdi>
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Storyboard{board.owner ? " by " : ""}
          <bdi>{board.owner}</bdi> · {board.shots.length} shot{board.shots.length === 1 ? "" : "s"}
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
          className="flex items-end gap-2"
        >
          <div>
            <label htmlFor="board-name" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
              Storyboard name
            </label>
            <input
              id="board-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? "board-name-error" : undefined}
              className={`${inputClass} h-8 w-56`}
            />
            <FieldError id="board-name-error" message={error ?? undefined} />
          </div>
          <button type="submit" className={buttonClass("secondary", "sm")} disabled={name === board.name}>
            Rename
          </button>
        </form>
        {board.canManage ? (
          <ConfirmButton
            title="Delete this storyboard?"
            body={<p>Its shots, exported films and review links go for good. The takes stay in the gallery.</p>}
            confirmLabel="Delete storyboard"
            danger
            onConfirm={async () => {
              await send(`/api/storyboards/${board.id}`, "DELETE");
              router.push("/storyboards");
            }}
          >
            Delete…
          </ConfirmButton>
        ) : null}
      </div>
    </div>
  );
}
