import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { accountBalance } from "@/lib/team/balance";
import { getTeamSettings } from "@/lib/team/settings";
import { spendSummary } from "@/lib/team/spend";

/** My spend and the team's, today and this month (UTC, micro-USD); admins also get the WaveSpeed balance. */
export async function GET(request: Request) {
  try {
    const user = await requireUser(request);
    const spend = await spendSummary(user.id);
    if (user.role !== "admin") return Response.json({ spend }, { headers: { "Cache-Control": "no-store" } });
    const [balance, team] = await Promise.all([accountBalance(), getTeamSettings()]);
    return Response.json(
      { spend, balance: { ...balance, warnBelowUsd: team.balanceWarnUsd } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
