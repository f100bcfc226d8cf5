import { microsPerSecond, modelOf, type ModelEntry } from "@/lib/catalog";
import { formatUsd } from "@/lib/model/price";
import type { GenerateFormValues } from "@/lib/validations/generate";

type Values = Pick<GenerateFormValues, "duration" | "cameraFixed" | "resolution" | "generateAudio">;
export type SwitchNotes = Partial<Record<keyof Values, string>>;

/** "Lite 480p · 480p · $0.016/s": what the picker says of a model. */
export function modelOption(entry: ModelEntry): string {
  const tiers = entry.resolutions.join("/");
  const rate =
    entry.resolutions.length > 1
      ? `from ${formatUsd(Math.min(...entry.resolutions.map((r) => microsPerSecond(entry, r))))}`
      : formatUsd(microsPerSecond(entry));
  return `${entry.short} · ${tiers} · ${rate}/s`;
}

/**
 * Moving the form to another model: values that still fit are kept, those that do not are set to what the
 * model takes, and each change is named (shown next to its field).
 */
export function switchModel(values: Values, toId: string): { changes: Partial<Values>; notes: SwitchNotes } {
  const to = modelOf(toId);
  const changes: Partial<Values> = {};
  const notes: SwitchNotes = {};
  const duration = Number(values.duration);
  const { min, max } = to.duration;
  if (!(duration >= min && duration <= max)) {
    const next = Number.isFinite(duration) ? Math.min(max, Math.max(min, Math.round(duration))) : to.duration.default;
    changes.duration = next;
    notes.duration = `Changed from ${String(values.duration)} s to ${next} s: ${to.short} takes ${min}-${max} s.`;
  }
  if (values.cameraFixed && !to.cameraFixed) {
    changes.cameraFixed = false;
    notes.cameraFixed = `Camera fixed turned off: ${to.short} has no such setting.`;
  }
  // A one-tier model has no resolution field: nothing is kept for it, so the next model starts at its default.
  if (to.resolutions.length === 1) changes.resolution = undefined;
  else if (!to.resolutions.includes(values.resolution as never)) {
    changes.resolution = to.defaultResolution;
    if (values.resolution)
      notes.resolution = `Changed from ${values.resolution} to ${to.defaultResolution}: ${to.short} offers ${to.resolutions.join(", ")}.`;
  }
  if (!to.audio) {
    if (values.generateAudio) notes.generateAudio = `Sound turned off: ${to.short} makes silent clips.`;
    changes.generateAudio = undefined;
  } else if (values.generateAudio === undefined) changes.generateAudio = to.audio.default;
  return { changes, notes };
}
