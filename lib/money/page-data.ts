import "server-only";
import { openChoices } from "@/lib/db/queries/settlements";
import { windows } from "@/lib/team/spend";
import { wavespeed } from "@/lib/wavespeed";
import { alertsView } from "./alert-view";
import { ledgerReport } from "./report";
import { spendReport } from "./reports";

/** Everything the Money page shows: this month's report and ledger, alerts, lost submits to settle. */
export async function moneyPageData(now = Date.now()) {
  const w = windows(now);
  const [report, ledger, alerts, choices] = await Promise.all([
    spendReport(wavespeed(), w.monthStart, w.dayEnd, now),
    ledgerReport(w.monthStart, w.dayEnd),
    alertsView(now),
    openChoices(),
  ]);
  return { report, ledger, alerts, choices };
}
