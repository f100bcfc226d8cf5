import type { AspectChoice } from "@/lib/model/seedance";

/** A team prompt preset: a prompt and the settings that go with it (no images). */
export type PresetView = {
  id: string;
  name: string;
  prompt: string;
  duration: number;
  aspectRatio: AspectChoice;
  cameraFixed: boolean;
  seed: number;
  enableSafetyChecker: boolean;
  /** The model it was saved with; null: applying it keeps the form's model. */
  model: string | null;
  owner: string | null;
  /** Renaming and removing: whoever saved it, or an admin. */
  canManage: boolean;
};

/** The team's presets: the SWR key and the API collection. */
export const PRESETS_URL = "/api/presets";
