import { DURATION_DEFAULT } from "./seedance";

/** WaveSpeed's list price: $0.08 per 5 s video, linear in duration. Money is kept in integer micro-dollars. */
export const PRICE_MICROS_PER_SECOND = 16_000;

export function priceMicros(durationSeconds: number = DURATION_DEFAULT, videos = 1): number {
  return PRICE_MICROS_PER_SECOND * durationSeconds * videos;
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
