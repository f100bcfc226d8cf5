import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { preparedPerDatabase } from "../prepared";

export type SessionRow = {
  expiresAt: Date;
  user: { id: string; email: string; name: string; role: string | null; banned: boolean | null };
};

const byToken = preparedPerDatabase(({ db, t }) =>
  db
    .select({
      expiresAt: t.session.expiresAt,
      user: { id: t.user.id, email: t.user.email, name: t.user.name, role: t.user.role, banned: t.user.banned },
    })
    .from(t.session)
    .innerJoin(t.user, eq(t.user.id, t.session.userId))
    .where(eq(t.session.token, sql.placeholder("token")))
    .limit(1)
    .prepare(),
);

/** The session a cookie's token names, with its member, in one query; none once it is signed out or revoked. */
export async function sessionByToken(token: string): Promise<SessionRow | undefined> {
  const [row] = await byToken(await getDb()).execute({ token });
  return row;
}
