"use client";

import Link from "next/link";
import { useState } from "react";
import useSWR, { mutate } from "swr";
import { Button, buttonClass } from "@/components/ui/button";
import { DialogCard, DialogClose, DialogRoot } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { isolated } from "@/components/ui/isolate";
import { fetcher, send } from "@/lib/http/fetcher";
import type { StoryboardSummary, StoryboardView } from "@/lib/storyboards/types";
import { boardNameSchema } from "@/lib/validations/storyboard";

const NEW = "new";

/** Adds takes to a storyboard: each as a new shot at the end, or (one take) as another take of a shot. Or starts a new board with them. */
export default function AddToBoardDialog({ jobIds, onClose }: { jobIds: string[]; onClose: () => void }) {
  const { data } = useSWR<{ storyboards: StoryboardSummary[] }>("/api/storyboards", fetcher);
  const boards = data?.storyboards ?? [];
  const [choice, setChoice] = useState<string | null>(null);
  const target = choice ?? boards[0]?.id ?? NEW;
  const [name, setName] = useState("");
  const [placement, setPlacement] = useState("end");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; name: string } | null>(null);
  const single = jobIds.length === 1;
  const { data: board } = useSWR<StoryboardView>(single && target !== NEW ? `/api/storyboards/${target}` : null, fetcher);

  const add = async () => {
    setError(null);
    try {
      if (target === NEW) {
        const parsed = boardNameSchema.safeParse(name);
        if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Not a valid name.");
        const created = await send<StoryboardView>("/api/storyboards", "POST", { name: parsed.data, jobIds });
        return setDone({ id: created!.id, name: created!.name });
      }
      for (const jobId of jobIds) {
        await send(`/api/storyboards/${target}/shots`, "POST", placement === "end" ? { jobId } : { jobId, shotId: placement });
      }
      // The board page reads the same key: it must not start from the copy fetched here before the add.
      await mutate(`/api/storyboards/${target}`);
      setDone({ id: target, name: boards.find((b) => b.id === target)?.name ?? "the storyboard" });
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not add it.");
    }
  };

  return (
    <DialogRoot open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogCard title={single ? "Add to storyboard" : `Add ${jobIds.length} takes to a storyboard`}>
        {!data ? (
          <p className="mt-3 text-sm" role="status">
            Loading storyboards…
          </p>
        ) : done ? (
          <div className="mt-3 space-y-4">
            <p role="status" className="text-sm">
              Added to “<bdi>{done.name}</bdi>”.
            </p>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="ghost">Close</Button>
              </DialogClose>
              <Link href={`/storyboards/${done.id}`} className={buttonClass("primary")}>
                Open storyboard
              </Link>
            </div>
          </div>
        ) : (
          <form
            className="mt-3 space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void add();
            }}
          >
            <Field label="Storyboard" htmlFor="add-board">
              <select id="add-board" value={target} onChange={(e) => setChoice(e.target.value)} className={inputClass}>
                {/* An option holds text only: the name goes between isolation marks, not in <bdi>. */}
                {boards.map((b) => (
                  <option key={b.id} value={b.id}>
                    {`${isolated(b.name)} (${b.shots} shot${b.shots === 1 ? "" : "s"})`}
                  </option>
                ))}
                <option value={NEW}>New storyboard…</option>
              </select>
            </Field>
            {target === NEW ? (
              <Field label="Name of the new storyboard" htmlFor="add-board-name">
                <input id="add-board-name" value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />
              </Field>
            ) : single ? (
              <Field label="Add as" htmlFor="add-placement">
                <select id="add-placement" value={placement} onChange={(e) => setPlacement(e.target.value)} className={inputClass}>
                  <option value="end">A new shot at the end</option>
                  {board?.shots.map((shot, i) => (
                    <option key={shot.id} value={shot.id}>
                      Another take of shot {i + 1}
                    </option>
                  ))}
                </select>
              </Field>
            ) : (
              <p className="text-sm text-zinc-700 dark:text-zinc-300">Each take becomes a new shot at the end, in the order selected.</p>
            )}
            {error ? (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="ghost">Cancel</Button>
              </DialogClose>
              <Button type="submit" variant="primary">
                Add
              </Button>
            </div>
          </form>
        )}
      </DialogCard>
    </DialogRoot>
  );
}
