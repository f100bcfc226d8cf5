"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { Switch } from "@/components/ui/switch";
import { ENTRIES, modelOf } from "@/lib/catalog";
import { modelOption, type SwitchNotes } from "./model-switch";

export type Availability = Record<string, { available: boolean; reason?: string }>;

const note = "mt-1 text-xs text-amber-800 dark:text-amber-300";

/** The model picker, and the fields only some models have: resolution and sound. */
export function ModelFields({
  model,
  onModel,
  notes,
  availability = {},
  registerResolution,
  registerAudio,
  errors,
}: {
  model: string;
  onModel: (id: string) => void;
  notes: SwitchNotes;
  availability?: Availability;
  registerResolution: UseFormRegisterReturn<"resolution">;
  registerAudio: UseFormRegisterReturn<"generateAudio">;
  errors: { model?: string; resolution?: string; generateAudio?: string };
}) {
  const entry = modelOf(model);
  const unavailable = availability[entry.id]?.available === false ? availability[entry.id] : undefined;
  const successor = entry.successor ? modelOf(entry.successor) : undefined;
  return (
    <div className="space-y-3">
      <Field label="Model" htmlFor="model" error={errors.model} hint={<span data-testid="model-blurb">{entry.blurb}.</span>}>
        <select id="model" className={inputClass} value={entry.id} onChange={(e) => onModel(e.target.value)}>
          {ENTRIES.map((e) => (
            <option key={e.id} value={e.id}>
              {modelOption(e)}
              {availability[e.id]?.available === false ? " · unavailable" : ""}
            </option>
          ))}
        </select>
      </Field>
      {unavailable ? (
        <div
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-2.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <p>
            {entry.short} is unavailable: {unavailable.reason ?? "WaveSpeed no longer serves it"}.
          </p>
          {successor ? (
            <button type="button" className="mt-1 font-semibold underline" onClick={() => onModel(successor.id)}>
              Use {successor.short} instead
            </button>
          ) : null}
        </div>
      ) : null}
      {notes.cameraFixed ? <p className={note}>{notes.cameraFixed}</p> : null}
      {entry.resolutions.length > 1 ? (
        <Field label="Resolution" htmlFor="resolution" error={errors.resolution}>
          <select id="resolution" className={inputClass} {...registerResolution}>
            {entry.resolutions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          {notes.resolution ? <p className={note}>{notes.resolution}</p> : null}
        </Field>
      ) : null}
      {entry.audio ? <Switch id="generateAudio" label="Sound" hint="Generate a sound track with the video." {...registerAudio} /> : null}
      {notes.generateAudio ? <p className={note}>{notes.generateAudio}</p> : null}
    </div>
  );
}
