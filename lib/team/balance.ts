import "server-only";
import { wavespeed } from "@/lib/wavespeed";
import { acceptKey } from "./key-refusal";

const FRESH_MS = 60_000;
let cached: { at: number; value: Promise<BalanceView> } | undefined;

export type BalanceView = { usd: number | null; error: string | null };

/** The WaveSpeed account balance (GET /api/v3/balance), asked at most once a minute however many admins look. */
export function accountBalance(): Promise<BalanceView> {
  const now = Date.now();
  if (!cached || now - cached.at > FRESH_MS) {
    cached = {
      at: now,
      value: wavespeed()
        .balance()
        .then(
          // The key works: if it was refused, polling resumes.
          async (usd) => {
            await acceptKey().catch(() => undefined);
            return { usd, error: null };
          },
          (error: unknown) => ({ usd: null, error: (error as Error).message }),
        ),
    };
  }
  return cached.value;
}
