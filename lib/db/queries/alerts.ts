import "server-only";
import { and, desc, eq, gte, isNull } from "drizzle-orm";
import { getDb } from "../client";

export type NewAlert = {
  key: string;
  kind: string;
  userId: string | null;
  percent: number;
  periodStart: number;
  spentMicros: number;
  limitMicros: number;
  message: string;
  firedAt: number;
};

/** Records an alert once: true for the one caller (on any instance) that recorded it, who then sends it. */
export async function recordAlert(alert: NewAlert): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db.insert(t.spendAlerts).values(alert).onConflictDoNothing().returning({ key: t.spendAlerts.key });
  return rows.length > 0;
}

export async function noteDeliveryError(key: string, error: string | null): Promise<void> {
  const { db, t } = await getDb();
  await db.update(t.spendAlerts).set({ deliveryError: error }).where(eq(t.spendAlerts.key, key));
}

/** Alerts fired since `since`, newest first. */
export async function recentAlerts(since: number) {
  const { db, t } = await getDb();
  return db.select().from(t.spendAlerts).where(gte(t.spendAlerts.firedAt, since)).orderBy(desc(t.spendAlerts.firedAt)).limit(100);
}

export async function unseenAlerts(since: number): Promise<number> {
  const { db, t } = await getDb();
  const rows = await db
    .select({ key: t.spendAlerts.key })
    .from(t.spendAlerts)
    .where(and(gte(t.spendAlerts.firedAt, since), isNull(t.spendAlerts.seenAt)));
  return rows.length;
}

export async function markAlertsSeen(now: number): Promise<void> {
  const { db, t } = await getDb();
  await db.update(t.spendAlerts).set({ seenAt: now }).where(isNull(t.spendAlerts.seenAt));
}
