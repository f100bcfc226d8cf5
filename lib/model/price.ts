import { DEFAULT_MODEL, microsPerSecond, modelOf } from "@/lib/catalog";
import { DURATION_DEFAULT } from "./seedance";

/** The default model's list price ($0.08 per 5 s). Money is kept in integer micro-dollars. */
export const PRICE_MICROS_PER_SECOND = microsPerSecond(DEFAULT_MODEL);

/** Which model and tier a price is for; omitted, the default model (lite 480p). */
export type PriceModel = { model?: string | null; resolution?: string | null };

/** The list price of `videos` clips of `durationSeconds`, linear in duration, per the model's and tier's rate. */
export function priceMicros(durationSeconds: number = DURATION_DEFAULT, videos = 1, choice: PriceModel = {}): number {
  return microsPerSecond(modelOf(choice.model), choice.resolution) * durationSeconds * videos;
}

/** Exact dollars: at least two decimals, no float rounding ($0.08, $0.112, $0.384). */
export function formatUsd(micros: number): string {
  const sign = micros < 0 ? "-" : "";
  const abs = Math.abs(Math.round(micros));
  const whole = Math.floor(abs / 1_000_000);
  const fraction = String(abs % 1_000_000)
    .padStart(6, "0")
    .replace(/0+$/, "")
    .padEnd(2, "0");
  return `${sign}$${whole}.${fraction}`;
}

export const RATE_LABEL = `${formatUsd(PRICE_MICROS_PER_SECOND)} per second`;
