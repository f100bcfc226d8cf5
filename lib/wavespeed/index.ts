import "server-only";
import { env } from "@/lib/env";
import { WaveSpeedClient } from "./client";

export function wavespeed(): WaveSpeedClient {
  const e = env();
  return new WaveSpeedClient({
    baseUrl: e.baseUrl,
    apiKey: e.apiKey,
    timeoutMs: e.WAVESPEED_TIMEOUT_MS,
    submitTimeoutMs: e.WAVESPEED_SUBMIT_TIMEOUT_MS,
  });
}
