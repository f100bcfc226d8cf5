import "server-only";
import { linkControls } from "@/lib/db/queries/review-controls";
import { liveReviewLink } from "@/lib/db/queries/reviews";
import { clearHits, hit, unhit } from "@/lib/db/queries/rate-limits";
import type { ReviewLink, ReviewLinkControls } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { isId } from "@/lib/jobs/ids";
import { cookieValue, passCookieName, passFor, passValid, PASS_MAX_AGE_S, verifyPassphrase } from "./passphrase";

export type ReviewNeed = "view" | "comment" | "decide" | "download";

/** What a link lets a reviewer do, as the review page and the API tell them. */
export type LinkRights = { comment: boolean; decide: boolean; download: boolean };

export type LinkControls = Pick<
  ReviewLinkControls,
  "expiresAt" | "passHash" | "allowComment" | "allowDecide" | "allowDownload" | "disabledAt"
>;
export const DEFAULT_CONTROLS: LinkControls = {
  expiresAt: null,
  passHash: null,
  allowComment: true,
  allowDecide: true,
  allowDownload: false,
  disabledAt: null,
};

export const rightsOf = (c: LinkControls): LinkRights => ({ comment: c.allowComment, decide: c.allowDecide, download: c.allowDownload });

export type ReviewAccess = { link: ReviewLink; controls: LinkControls; rights: LinkRights };

/** Where a token stands before any passphrase: gone (malformed, unknown, revoked, off or expired: all alike) or live. */
export async function liveLink(token: string, now = Date.now()): Promise<{ link: ReviewLink; controls: LinkControls } | null> {
  const link = isId(token) ? await liveReviewLink(token) : undefined;
  if (!link) return null;
  const controls = (await linkControls([link.id])).get(link.id) ?? DEFAULT_CONTROLS;
  if (controls.disabledAt !== null || (controls.expiresAt !== null && controls.expiresAt <= now)) return null;
  return { link, controls };
}

export const NO_LINK = () => new AppError("not_found", "This review link does not exist or is no longer shared.");

const REFUSED: Record<Exclude<ReviewNeed, "view">, string> = {
  comment: "The team has turned off comments on this link.",
  decide: "The team has turned off decisions on this link.",
  download: "The team has turned off downloads on this link.",
};

/**
 * The one check every reviewer route makes: a live link (404 alike for malformed, unknown, revoked, off and
 * expired), its passphrase pass if it has one (401 `unauthorized`), and the switch for what is asked (403).
 */
export async function reviewAccess(request: Request, token: string, need: ReviewNeed): Promise<ReviewAccess> {
  const live = await liveLink(token);
  if (!live) throw NO_LINK();
  const { link, controls } = live;
  if (
    controls.passHash &&
    !(await passValid(link.id, controls.passHash, cookieValue(request.headers.get("cookie"), passCookieName(link.id))))
  ) {
    throw new AppError("unauthorized", "This review link asks for a passphrase.", undefined, undefined, { passphrase: true });
  }
  const rights = rightsOf(controls);
  if (need !== "view" && !rights[need]) throw new AppError("forbidden", REFUSED[need]);
  return { link, controls, rights };
}

// Ten wrong tries per address in 15 minutes, and 50 on one link from anywhere: a passphrase of a few words
// then takes centuries to guess. A right one clears its address's count and takes itself back from the link's
// (only itself: other addresses' wrong tries still count), so a room of reviewers never locks the link.
const PER_ADDRESS = { limit: 10, windowMs: 15 * 60_000 };
const PER_LINK = { limit: 50, windowMs: 15 * 60_000 };

/** A right passphrase answers the Set-Cookie of a pass for this link; a wrong one 401, too many 429. */
export async function unlockLink(request: Request, token: string, passphrase: string): Promise<string> {
  const live = await liveLink(token);
  if (!live) throw NO_LINK();
  const { link, controls } = live;
  if (!controls.passHash) throw new AppError("conflict", "This link has no passphrase.");
  const addressKey = `review-pass:${link.id}:${clientAddress(request.headers)}`;
  const linkKey = `review-pass:${link.id}`;
  for (const [key, { limit, windowMs }] of [
    [addressKey, PER_ADDRESS],
    [linkKey, PER_LINK],
  ] as const) {
    const { count, windowStart } = await hit(key, windowMs);
    if (count > limit) {
      const wait = Math.max(1, Math.ceil((windowStart + windowMs - Date.now()) / 1000));
      throw new AppError("rate_limited", `Too many tries; try again in ${Math.ceil(wait / 60)} min.`, undefined, {
        "Retry-After": String(wait),
      });
    }
  }
  if (!(await verifyPassphrase(passphrase, controls.passHash))) {
    throw new AppError("unauthorized", "That passphrase is not right.", { passphrase: "Not the right passphrase." });
  }
  await clearHits(addressKey);
  await unhit(linkKey);
  const https = (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol).startsWith("https");
  const value = await passFor(link.id, controls.passHash);
  return `${passCookieName(link.id)}=${value}; Path=/; Max-Age=${PASS_MAX_AGE_S}; HttpOnly; SameSite=Lax${https ? "; Secure" : ""}`;
}
