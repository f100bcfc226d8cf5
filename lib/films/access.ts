import { canManage, type Viewer } from "@/lib/jobs/types";

/**
 * Who may change a film's link (revoke it, or make a new one) and delete the film: whoever exported it,
 * whoever made its storyboard, or an admin. One rule for all three, which the board's film list follows too.
 */
export const mayManageFilm = (viewer: Viewer, film: { userId: string | null }, boardMaker: string | null) =>
  canManage(viewer, film.userId) || canManage(viewer, boardMaker);
