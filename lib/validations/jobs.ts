import { z } from "zod";
import { MODEL_IDS } from "@/lib/catalog";
import { SHARE_VISIBILITIES, STAR_FILTERS, STATUS_FILTERS } from "@/lib/jobs/types";

/** GET /api/jobs: a page of the gallery, newest first. */
export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(24),
  cursor: z.string().max(100).optional(),
  status: z.enum(STATUS_FILTERS, { error: `must be one of ${STATUS_FILTERS.join(", ")}` }).default("all"),
  q: z.string().trim().max(200, "Search text can be at most 200 characters.").optional(),
  scope: z.enum(["team", "mine"], { error: "must be team or mine" }).default("team"),
  starred: z.enum(STAR_FILTERS, { error: "must be me or anyone" }).optional(),
  /** One batch's takes (job_groups id). */
  group: z.string().max(40).optional(),
  /** One model's takes (a catalog id). */
  model: z.enum(MODEL_IDS as [string, ...string[]], { error: "must be one of the models Keyframe offers" }).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** GET /api/jobs/changes: what changed after `since` (a page's `version`), with the page's filters. */
export const changesQuerySchema = listQuerySchema
  .pick({ status: true, q: true, scope: true, starred: true, group: true, model: true })
  .extend({
    since: z.string().max(100, "Invalid version."),
  });
export type ChangesQuery = z.infer<typeof changesQuerySchema>;

/** PATCH /api/jobs/{id}/share: anyone with the link, or signed-in members only. */
export const shareVisibilitySchema = z.object({ visibility: z.enum(SHARE_VISIBILITIES, { error: "must be public or team" }) });
