"use client";

import useSWR from "swr";

const REASK_MS = 30 * 60 * 1000;

export type QuoteAnswer = { model: string; micros: number; label: string; listMicros: number; source: "wavespeed" | "list" };

type QuoteKey = [string, string, number, string | null, boolean | null];

async function fetchQuote([, model, duration, resolution, generateAudio]: QuoteKey): Promise<QuoteAnswer> {
  const res = await fetch("/api/models/quote", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model, duration, resolution, generateAudio }),
  });
  if (!res.ok) throw new Error(`quote ${res.status}`);
  return (await res.json()) as QuoteAnswer;
}

/**
 * One video's live price for the model and the inputs that drive it (WaveSpeed's quote, kept an hour on the
 * server); undefined until it arrives or when the inputs are out of the model's range. Asked again every half
 * hour, so the price shown stays the one a take is admitted at.
 */
export function useQuote(
  model: string,
  duration: number,
  resolution: string | null,
  generateAudio: boolean | null,
  valid: boolean,
): QuoteAnswer | undefined {
  const key: QuoteKey | null = valid ? ["quote", model, duration, resolution, generateAudio] : null;
  const { data } = useSWR(key, fetchQuote, {
    dedupingInterval: REASK_MS,
    refreshInterval: REASK_MS,
    revalidateOnFocus: false,
    keepPreviousData: false,
  });
  return data && data.model === model ? data : undefined;
}
