import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { deletePreset, getPreset, insertPreset, insertPresets, listPresetRows, renamePreset } from "@/lib/db/queries/presets";
import { claimSetting } from "@/lib/db/queries/settings";
import { userNames } from "@/lib/db/queries/users";
import type { Preset } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isId, newId } from "@/lib/jobs/ids";
import { canManage, type Viewer } from "@/lib/jobs/types";
import { DURATION_DEFAULT, EXAMPLE_PROMPTS, type AspectChoice } from "@/lib/model/seedance";
import type { GenerateRequest } from "@/lib/validations/generate";
import { lookAlikeKey } from "@/lib/validations/invisible";
import type { PresetView } from "./types";

/** The example prompts Keyframe always had are the team's first presets: added once per install, removable like any. */
async function seedOnce(): Promise<void> {
  if (!(await claimSetting("presets-seeded", true))) return;
  const now = Date.now();
  await insertPresets(
    EXAMPLE_PROMPTS.map((example, i) => ({
      id: newId(),
      name: example.label,
      prompt: example.text(DURATION_DEFAULT),
      duration: DURATION_DEFAULT,
      aspectRatio: "auto",
      cameraFixed: false,
      seed: -1,
      safetyChecker: true,
      model: null,
      userId: null,
      createdAt: now + i,
      updatedAt: now + i,
    })),
  );
}

const toView = (p: Preset, viewer: Viewer, names: Map<string, string>): PresetView => ({
  id: p.id,
  name: p.name,
  prompt: p.prompt,
  duration: p.duration,
  aspectRatio: p.aspectRatio as AspectChoice,
  cameraFixed: p.cameraFixed,
  seed: p.seed,
  enableSafetyChecker: p.safetyChecker,
  model: p.model,
  owner: p.userId ? (names.get(p.userId) ?? null) : null,
  canManage: canManage(viewer, p.userId),
});

export async function listPresets(viewer: Viewer): Promise<PresetView[]> {
  await seedOnce();
  const [rows, names] = await Promise.all([listPresetRows(), userNames()]);
  return rows.map((p) => toView(p, viewer, names));
}

const TAKEN = (name: string) =>
  new AppError("conflict", `A preset named “${name}” exists already; choose another name.`, { name: "That name is taken." });

/**
 * Another preset whose name looks the same (after NFKC, without invisible characters). Compared here rather
 * than by a unique index on a normalised column: a team has tens of presets, already read whole for every
 * page, and rows saved before names were cleaned are caught too. The unique index on the name still settles
 * two saves of the very same name at once.
 */
async function lookAlike(name: string, except?: string): Promise<Preset | undefined> {
  const key = lookAlikeKey(name);
  return (await listPresetRows()).find((p) => p.id !== except && lookAlikeKey(p.name) === key);
}

type PresetRequest = Pick<GenerateRequest, "prompt" | "duration" | "aspectRatio" | "cameraFixed" | "seed" | "enableSafetyChecker"> & {
  name: string;
  model?: string | null;
};

export async function savePreset(input: PresetRequest, user: SessionUser): Promise<PresetView> {
  const now = Date.now();
  const row: Preset = {
    id: newId(),
    name: input.name,
    prompt: input.prompt,
    duration: input.duration,
    aspectRatio: input.aspectRatio,
    cameraFixed: input.cameraFixed,
    seed: input.seed,
    safetyChecker: input.enableSafetyChecker,
    model: input.model ?? null,
    userId: user.id,
    createdAt: now,
    updatedAt: now,
  };
  const other = await lookAlike(input.name);
  if (other || !(await insertPreset(row))) throw TAKEN(other?.name ?? input.name);
  return toView(row, user, await userNames());
}

async function manageable(id: string, user: SessionUser): Promise<Preset> {
  const preset = isId(id) ? await getPreset(id) : undefined;
  if (!preset) throw new AppError("not_found", "No such preset (it may have been removed).");
  if (!canManage(user, preset.userId)) throw new AppError("forbidden", "Only whoever saved this preset, or an admin, can change it.");
  return preset;
}

export async function renameOne(id: string, name: string, user: SessionUser): Promise<PresetView> {
  const preset = await manageable(id, user);
  const other = await lookAlike(name, preset.id);
  if (other) throw TAKEN(other.name);
  const renamed = await renamePreset(preset.id, name).catch(() => {
    throw TAKEN(name);
  });
  if (!renamed) throw new AppError("not_found", "No such preset (it may have been removed).");
  return toView(renamed, user, await userNames());
}

export async function removeOne(id: string, user: SessionUser): Promise<void> {
  const preset = await manageable(id, user);
  await deletePreset(preset.id);
}
