"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import useSWR from "swr";
import { fetcher } from "@/lib/http/fetcher";
import { PRESETS_URL, type PresetView } from "@/lib/presets/types";
import type { GenerateFormValues } from "@/lib/validations/generate";

const SavePresetDialog = dynamic(() => import("./save-preset-dialog"), { ssr: false });
const ManagePresetsDialog = dynamic(() => import("./manage-presets-dialog"), { ssr: false });

const chip =
  "rounded-full border border-zinc-300 px-2.5 py-0.5 text-xs text-zinc-700 hover:border-violet-500 hover:text-violet-800 focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:outline-none dark:border-zinc-700 dark:text-zinc-300 dark:hover:text-violet-300";
const link = "text-xs font-medium text-violet-700 hover:underline dark:text-violet-300";

/** The team's presets: one click puts a preset's prompt and settings in the form; save the form as one; manage them. */
export function PresetBar({
  initial,
  values,
  onApply,
}: {
  initial: PresetView[];
  values: () => GenerateFormValues;
  onApply: (preset: PresetView) => void;
}) {
  const { data } = useSWR<{ presets: PresetView[] }>(PRESETS_URL, fetcher, {
    fallbackData: { presets: initial },
    revalidateOnMount: false,
  });
  const presets = data?.presets ?? initial;
  const [open, setOpen] = useState<"save" | "manage" | null>(null);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-1.5" role="group" aria-label="Presets">
      <span className="text-xs text-zinc-600 dark:text-zinc-400">Presets:</span>
      {presets.map((preset) => (
        <button key={preset.id} type="button" title={preset.prompt} onClick={() => onApply(preset)} className={chip}>
          <bdi>{preset.name}</bdi>
        </button>
      ))}
      <button type="button" className={link} onClick={() => setOpen("save")}>
        Save as preset…
      </button>
      {presets.some((p) => p.canManage) ? (
        <button type="button" className={link} onClick={() => setOpen("manage")}>
          Manage…
        </button>
      ) : null}
      {open === "save" ? <SavePresetDialog values={values()} onClose={() => setOpen(null)} /> : null}
      {open === "manage" ? <ManagePresetsDialog presets={presets} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
