import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../client";

/**
 * Where everything a board's page shows stands, in one round trip over indexed rows: the board (renames,
 * shot edits), its shots and take rows, its takes' jobs (status, copies, stars, reviewers' picks all move
 * changed_at), reviewers' feedback on its shots, its films and review links, and members' names. Sums, not
 * maxima: a change stamped by a slower clock still moves them. Undefined when there is no such board.
 */
export async function boardMarks(boardId: string): Promise<string | undefined> {
  const { db, t } = await getDb();
  const shotIds = sql`(select ${t.shots.id} from ${t.shots} where ${t.shots.storyboardId} = ${boardId})`;
  const [row] = await db
    .select({
      board: t.storyboards.updatedAt,
      shots: sql<unknown>`(select count(*) from ${t.shots} where ${t.shots.storyboardId} = ${boardId})`,
      takes: sql<unknown>`(select count(*) || ':' || coalesce(sum(${t.jobs.changedAt}), 0) from ${t.shotTakes}
        left join ${t.jobs} on ${t.jobs.id} = ${t.shotTakes.jobId} where ${t.shotTakes.shotId} in ${shotIds})`,
      feedback: sql<unknown>`(select count(*) || ':' || coalesce(sum(${t.reviewFeedback.updatedAt}), 0) from ${t.reviewFeedback}
        where ${t.reviewFeedback.shotKey} in ${shotIds})`,
      films: sql<unknown>`(select count(*) || ':' || coalesce(sum(${t.films.updatedAt}), 0) from ${t.films}
        where ${t.films.storyboardId} = ${boardId})`,
      links: sql<unknown>`(select count(*) || ':' || coalesce(sum(coalesce(${t.reviewLinks.revokedAt}, 0) + ${t.reviewLinks.createdAt}), 0)
        from ${t.reviewLinks} where ${t.reviewLinks.storyboardId} = ${boardId})`,
      users: sql<unknown>`(select max(${t.user.updatedAt}) from ${t.user})`,
    })
    .from(t.storyboards)
    .where(eq(t.storyboards.id, boardId));
  return row ? JSON.stringify(row) : undefined;
}
