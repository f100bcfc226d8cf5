import "server-only";
import { claimSubmission as claim } from "@/lib/db/queries/submissions";
import { AppError } from "@/lib/errors";

export { dropSubmission, ROW_CLAIM } from "@/lib/db/queries/submissions";

export type Claim = { kind: "new" } | { kind: "replay"; batchId: string };

/**
 * Claims one form submission: its idempotency key (the same key again answers the first request's jobs;
 * with a different request it is refused, as payment APIs do) and the member's submits-per-minute limit
 * (`perMinute` null: a batch's row, which its batch's own claim already counted).
 */
export async function claimSubmission(
  userId: string,
  key: string,
  batchId: string,
  requestHash: string,
  perMinute: number | null,
): Promise<Claim> {
  const result = await claim(userId, key, batchId, requestHash, perMinute);
  if (result.kind === "new") return result;
  if (result.kind === "replay") {
    if (result.requestHash !== null && result.requestHash !== requestHash) {
      throw new AppError(
        "idempotency_mismatch",
        "This Idempotency-Key was already used for a different request. Send a new key with a new request.",
      );
    }
    return { kind: "replay", batchId: result.batchId };
  }
  const wait = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
  throw new AppError("rate_limited", `You can start ${perMinute} generations a minute; try again in ${wait} s.`, undefined, {
    "Retry-After": String(wait),
  });
}
