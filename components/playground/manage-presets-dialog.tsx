"use client";

import { useState } from "react";
import { mutate } from "swr";
import { Button } from "@/components/ui/button";
import { DialogCard, DialogClose, DialogRoot } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/input-class";
import { send } from "@/lib/http/fetcher";
import { PRESETS_URL, type PresetView } from "@/lib/presets/types";

function PresetRow({ preset, onStatus }: { preset: PresetView; onStatus: (text: string) => void }) {
  const [name, setName] = useState(preset.name);
  const run = async (method: "PATCH" | "DELETE", done: string) => {
    try {
      await send(`${PRESETS_URL}/${preset.id}`, method, method === "PATCH" ? { name } : undefined);
      await mutate(PRESETS_URL);
      onStatus(done);
    } catch (error) {
      onStatus(error instanceof Error ? error.message : "That did not work.");
    }
  };
  if (!preset.canManage) {
    return (
      <li className="text-sm">
        <bdi>{preset.name}</bdi>{" "}
        <span className="text-zinc-600 dark:text-zinc-400">
          · saved by <bdi>{preset.owner ?? "Keyframe"}</bdi>
        </span>
      </li>
    );
  }
  return (
    <li className="flex items-center gap-1.5">
      <input
        aria-label={`Name of preset ${preset.name}`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        className={`${inputClass} h-8 flex-1`}
      />
      <Button size="sm" disabled={name === preset.name} onClick={() => void run("PATCH", `Renamed to “${name}”.`)}>
        Rename
      </Button>
      <Button size="sm" variant="ghost" onClick={() => void run("DELETE", `Removed “${preset.name}”.`)}>
        Remove
      </Button>
    </li>
  );
}

/** Renaming and removing presets: your own, or (admins) any. */
export default function ManagePresetsDialog({ presets, onClose }: { presets: PresetView[]; onClose: () => void }) {
  const [status, setStatus] = useState("");
  return (
    <DialogRoot open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogCard title="Team presets">
        <ul className="mt-3 space-y-2">
          {presets.map((preset) => (
            <PresetRow key={preset.id} preset={preset} onStatus={setStatus} />
          ))}
        </ul>
        <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
          {status}
        </p>
        <div className="mt-3 flex justify-end">
          <DialogClose asChild>
            <Button variant="ghost">Close</Button>
          </DialogClose>
        </div>
      </DialogCard>
    </DialogRoot>
  );
}
