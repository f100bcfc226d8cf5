import "server-only";
import { claimSetting, getSetting, putSetting } from "@/lib/db/queries/settings";
import { env } from "@/lib/env";
import { wavespeed } from "@/lib/wavespeed";
import { compareEntry, type Availability } from "./compare";
import { AppError } from "@/lib/errors";
import { modelOf } from ".";
import { ENTRIES } from "./entries";

const KEY = "catalog:live";
const DAY_MS = 24 * 60 * 60 * 1000;

type LiveCatalog = { fetchedAt: number; models: Record<string, Availability> };

/**
 * Reads `GET /api/v3/models` and keeps what it says of each model in the database (one instance a day). An
 * answer that lists none of Keyframe's models is refused (thrown), so nothing is marked retired on it.
 */
export async function refreshCatalog(): Promise<LiveCatalog> {
  const listed = await wavespeed().models();
  // A paged or half-parsed answer that names none of our models says nothing about them: keep what we had.
  if (!ENTRIES.some((e) => listed.some((l) => l.model_id === e.id))) throw new Error("its answer lists none of Keyframe's models");
  const models = Object.fromEntries(
    ENTRIES.map((e) => [
      e.id,
      compareEntry(
        e,
        listed.find((l) => l.model_id === e.id),
      ),
    ]),
  );
  const catalog = { fetchedAt: Date.now(), models };
  await putSetting(KEY, catalog);
  return catalog;
}

/**
 * What the live catalog said of each model, from the database: never waits for WaveSpeed. Once a day (with a
 * key set) one instance refreshes it in the background; until the first answer every model is offered. The
 * claim is per hour, so a refresh that failed is tried again the next hour rather than the next day.
 */
export async function catalogAvailability(): Promise<Record<string, Availability>> {
  if (env().mode !== "live") return {};
  const stored = (await getSetting(KEY).catch(() => undefined)) as LiveCatalog | undefined;
  if (!stored || Date.now() - stored.fetchedAt > DAY_MS) {
    const hour = new Date().toISOString().slice(0, 13);
    void claimSetting(`catalog:refresh:${hour}`, { at: Date.now() })
      .then((mine) => (mine ? refreshCatalog() : undefined))
      .catch((error: unknown) => console.warn(`[keyframe] Could not read WaveSpeed's model catalog: ${(error as Error).message}`));
  }
  return stored?.models ?? {};
}

/** A take of a model WaveSpeed no longer serves as Keyframe knows it is refused on the model field, naming its successor. */
export async function refuseUnavailable(id: string): Promise<void> {
  const entry = modelOf(id);
  const said = (await catalogAvailability())[entry.id];
  if (said?.available !== false) return;
  const successor = entry.successor ? ` Choose ${modelOf(entry.successor).short} instead.` : "";
  const message = `${entry.short} is unavailable: ${said.reason ?? "WaveSpeed no longer serves it"}.${successor}`;
  throw new AppError("validation_failed", message, { model: message });
}
