import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { linkControls, putLinkControls, visitsOf, type ControlsPatch } from "@/lib/db/queries/review-controls";
import { decisionsOf } from "@/lib/db/queries/review-decisions";
import { feedbackOfLink, getReviewLink } from "@/lib/db/queries/reviews";
import type { ReviewLink } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/jobs/ids";
import { canManage } from "@/lib/jobs/types";
import { MAX_EXPIRY_MS, type ReviewControlsInput } from "@/lib/validations/review-controls";
import { DEFAULT_CONTROLS } from "./access";
import { hashPassphrase } from "./passphrase";

/** A link's controls and use as the team sees them (never the passphrase or its hash). */
export type LinkControlsView = {
  expiresAt: string | null;
  expired: boolean;
  hasPassphrase: boolean;
  allowComment: boolean;
  allowDecide: boolean;
  allowDownload: boolean;
  enabled: boolean;
  views: number;
  lastViewAt: string | null;
  lastActivityAt: string | null;
  /** Names reviewers gave, each with when they last opened the link (if they did since visits were counted). */
  reviewers: { name: string; lastSeenAt: string | null }[];
};

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export async function controlsViews(links: ReviewLink[], now = Date.now()): Promise<Map<string, LinkControlsView>> {
  const ids = links.map((l) => l.id);
  const [controls, visits, decisions, feedback] = await Promise.all([
    linkControls(ids),
    visitsOf(ids),
    decisionsOf(ids),
    Promise.all(ids.map((id) => feedbackOfLink(id))).then((all) => all.flat()),
  ]);
  const out = new Map<string, LinkControlsView>();
  for (const link of links) {
    const c = controls.get(link.id);
    const base = c ?? { ...DEFAULT_CONTROLS, views: 0, lastViewAt: null, lastActivityAt: null };
    const people = new Map<string, { name: string; lastSeenAt: string | null }>();
    for (const v of visits.filter((v) => v.linkId === link.id && v.name))
      people.set(v.reviewerId, { name: v.name!, lastSeenAt: iso(v.lastSeenAt) });
    for (const r of [...decisions, ...feedback].filter((r) => r.linkId === link.id && !people.has(r.reviewerId))) {
      people.set(r.reviewerId, { name: r.name, lastSeenAt: null });
    }
    out.set(link.id, {
      expiresAt: iso(base.expiresAt),
      expired: base.expiresAt !== null && base.expiresAt <= now,
      hasPassphrase: base.passHash !== null,
      allowComment: base.allowComment,
      allowDecide: base.allowDecide,
      allowDownload: base.allowDownload,
      enabled: base.disabledAt === null,
      views: base.views,
      lastViewAt: iso(base.lastViewAt),
      lastActivityAt: iso(base.lastActivityAt),
      reviewers: [...people.values()],
    });
  }
  return out;
}

/** Sets a link's expiry, passphrase, switches or on/off: whoever made it, or an admin. */
export async function updateControls(id: string, input: ReviewControlsInput, user: SessionUser): Promise<LinkControlsView> {
  const link = isId(id) ? await getReviewLink(id) : undefined;
  if (!link || link.revokedAt !== null) throw new AppError("not_found", "No such review link (it may be revoked).");
  if (!canManage(user, link.userId)) throw new AppError("forbidden", "Only whoever made this link, or an admin, can change it.");
  const patch: ControlsPatch = {};
  if (input.expiresAt !== undefined) {
    const at = input.expiresAt === null ? null : Date.parse(input.expiresAt);
    if (at !== null && at <= Date.now())
      throw new AppError("validation_failed", "Pick a time in the future.", { expiresAt: "Pick a time in the future." });
    if (at !== null && at > Date.now() + MAX_EXPIRY_MS) {
      throw new AppError("validation_failed", "At most a year from now.", { expiresAt: "At most a year from now." });
    }
    patch.expiresAt = at;
  }
  if (input.passphrase !== undefined) patch.passHash = input.passphrase === null ? null : await hashPassphrase(input.passphrase);
  if (input.allowComment !== undefined) patch.allowComment = input.allowComment;
  if (input.allowDecide !== undefined) patch.allowDecide = input.allowDecide;
  if (input.allowDownload !== undefined) patch.allowDownload = input.allowDownload;
  if (input.enabled !== undefined) patch.disabledAt = input.enabled ? null : Date.now();
  await putLinkControls(link.id, patch);
  return (await controlsViews([link]))!.get(link.id)!;
}
