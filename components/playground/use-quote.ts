"use client";

import useSWR from "swr";

export type QuoteAnswer = { model: string; micros: number; label: string; listMicros: number; source: "wavespeed" | "list" };

async function fetchQuote([, model, duration, resolution]: [string, string, number, string | null]): Promise<QuoteAnswer> {
  const res = await fetch("/api/models/quote", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model, duration, resolution }),
  });
  if (!res.ok) throw new Error(`quote ${res.status}`);
  return (await res.json()) as QuoteAnswer;
}

/**
 * One video's live price for the model and the inputs that drive it (WaveSpeed's quote, kept an hour on the
 * server); undefined until it arrives or when the inputs are out of the model's range.
 */
export function useQuote(model: string, duration: number, resolution: string | null, valid: boolean): QuoteAnswer | undefined {
  const key = valid ? (["quote", model, duration, resolution] as [string, string, number, string | null]) : null;
  const { data } = useSWR(key, fetchQuote, { dedupingInterval: 60 * 60 * 1000, revalidateOnFocus: false, keepPreviousData: false });
  return data && data.model === model ? data : undefined;
}
