import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { unseenAlertCount } from "@/lib/money/alert-view";
import { accountBalance } from "@/lib/team/balance";
import { keyRefusalView } from "@/lib/team/key-refusal";
import { getTeamSettings } from "@/lib/team/settings";
import { capViews, spendSummary } from "@/lib/team/spend";

/**
 * My spend and the team's, today and this month (UTC, micro-USD), failed takes apart; every cap that is set
 * with what is left under it for me; admins also get the WaveSpeed balance and, while WaveSpeed refuses the
 * API key, `keyRefused` (null otherwise).
 */
export async function GET(request: Request) {
  try {
    const user = await requireUser(request);
    const team = await getTeamSettings();
    const [spend, caps] = await Promise.all([spendSummary(user.id, team), capViews(user.id, team)]);
    const body = { spend, caps, billsFailedTasks: team.billsFailedTasks };
    if (user.role !== "admin") return Response.json(body, { headers: { "Cache-Control": "no-store" } });
    // The balance first: a balance check that succeeds clears a refusal.
    const balance = await accountBalance();
    const keyRefused = await keyRefusalView();
    return Response.json(
      { ...body, balance: { ...balance, warnBelowUsd: team.balanceWarnUsd }, keyRefused, alerts: await unseenAlertCount() },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
