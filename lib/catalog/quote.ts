import "server-only";
import { getSetting, putSetting } from "@/lib/db/queries/settings";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatUsd, priceMicros } from "@/lib/model/price";
import { wavespeed } from "@/lib/wavespeed";
import { findModel, modelOf, resolutionFor } from ".";
import { modelProblems } from "./rules";

const HOUR_MS = 60 * 60 * 1000;
const QUOTE_TIMEOUT_MS = 3000;

export type QuoteChoice = { model: string; resolution?: string | null; duration: number; generateAudio?: boolean | null };
export type Quote = { micros: number; listMicros: number; source: "wavespeed" | "list"; at: number };

/**
 * One video's price is keyed by what drives it: the model, its tier (when it has a choice), the duration and,
 * on models with sound, whether it makes sound.
 */
function inputs(choice: QuoteChoice) {
  const entry = modelOf(choice.model);
  const tier = entry.resolutions.length > 1 ? resolutionFor(entry, choice.resolution) : undefined;
  const audio = entry.audio ? (choice.generateAudio ?? entry.audio.default) : undefined;
  const sound = audio === undefined ? "" : audio ? ":sound" : ":silent";
  return { entry, tier, audio, key: `quote:${entry.id}:${tier ?? ""}:${choice.duration}${sound}` };
}

/** A quote asked for within the hour (across instances: it is kept in the database), if any. */
export async function cachedQuote(choice: QuoteChoice): Promise<Quote | undefined> {
  const stored = (await getSetting(inputs(choice).key)) as Quote | undefined;
  return stored && Date.now() - stored.at < HOUR_MS ? stored : undefined;
}

/**
 * One video's price: WaveSpeed's quote (its discounted price when it gives one) kept for an hour, or the
 * built-in list price in simulator mode or when WaveSpeed does not answer in time.
 */
export async function quote(choice: QuoteChoice): Promise<Quote> {
  const { entry, tier, audio, key } = inputs(choice);
  // Only the inputs that drive the price are asked about (a prompt is no part of a quote).
  const { duration, resolution } = modelProblems(entry, { duration: choice.duration, resolution: choice.resolution ?? undefined });
  const problems = { ...(duration ? { duration } : {}), ...(resolution ? { resolution } : {}) };
  const first = Object.values(problems)[0];
  if (first) throw new AppError("validation_failed", first, problems);
  const listMicros = priceMicros(choice.duration, 1, { model: entry.id, resolution: tier });
  const cached = await cachedQuote(choice);
  if (cached) return cached;
  const list: Quote = { micros: listMicros, listMicros, source: "list", at: Date.now() };
  if (env().mode === "simulator") return list;
  try {
    const client = wavespeed();
    const asked = {
      duration: choice.duration,
      ...(tier ? { resolution: tier } : {}),
      ...(audio === undefined ? {} : { generate_audio: audio }),
    };
    const answer = await Promise.race([
      client.price(entry.id, asked),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), QUOTE_TIMEOUT_MS)),
    ]);
    const usd = answer.discounted ?? answer.price;
    const fresh: Quote = { micros: Math.round(usd * 1_000_000), listMicros, source: "wavespeed", at: Date.now() };
    await putSetting(key, fresh);
    return fresh;
  } catch {
    return list;
  }
}

/** The quote as the form shows it. */
export async function quoteView(choice: QuoteChoice) {
  if (!findModel(choice.model))
    throw new AppError("validation_failed", "Choose one of the models offered.", { model: "Choose one of the models offered." });
  const q = await quote(choice);
  return { model: modelOf(choice.model).id, micros: q.micros, label: formatUsd(q.micros), listMicros: q.listMicros, source: q.source };
}

/**
 * The price a take is admitted at: the quote the form showed (still within its hour), else WaveSpeed's quote
 * asked now (3 s at most), else the list price.
 */
export async function admittedPriceMicros(choice: QuoteChoice): Promise<number> {
  const found = await quote(choice).catch(() => undefined);
  const { entry, tier } = inputs(choice);
  return found?.micros ?? priceMicros(choice.duration, 1, { model: entry.id, resolution: tier });
}
