import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Schema } from "../backend";
import { getDb } from "../client";
import { preparedPerDatabase } from "../prepared";
import { changeMarkColumns, toChangeMarks, type ChangeMarks } from "./gallery";

const sessionColumns = (t: Schema) => ({
  expiresAt: t.session.expiresAt,
  user: { id: t.user.id, email: t.user.email, name: t.user.name, role: t.user.role, banned: t.user.banned },
});

const byToken = preparedPerDatabase(({ db, t }) =>
  db
    .select(sessionColumns(t))
    .from(t.session)
    .innerJoin(t.user, eq(t.user.id, t.session.userId))
    .where(eq(t.session.token, sql.placeholder("token")))
    .limit(1)
    .prepare(),
);

export type SessionRow = Awaited<ReturnType<ReturnType<typeof byToken>["execute"]>>[number];

/** The session a cookie's token names, with its member, in one query; none once it is signed out or revoked. */
export async function sessionByToken(token: string): Promise<SessionRow | undefined> {
  const [row] = await byToken(await getDb()).execute({ token });
  return row;
}

const withMarks = preparedPerDatabase(({ db, t }) =>
  db
    .select({ ...sessionColumns(t), marks: changeMarkColumns(t) })
    .from(t.session)
    .innerJoin(t.user, eq(t.user.id, t.session.userId))
    .where(eq(t.session.token, sql.placeholder("token")))
    .limit(1)
    .prepare(),
);

/** The same, and the gallery's change marks: all an unchanged gallery poll needs, in one query. */
export async function sessionWithChangeMarks(token: string): Promise<(SessionRow & { marks: ChangeMarks }) | undefined> {
  const [row] = await withMarks(await getDb()).execute({ token });
  return row && { ...row, marks: toChangeMarks(row.marks) };
}
