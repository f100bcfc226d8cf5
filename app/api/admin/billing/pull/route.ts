import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { instanceId } from "@/lib/money/instance";
import { pullNow } from "@/lib/money/billing";
import { wavespeed } from "@/lib/wavespeed";

/** Admins: WaveSpeed's billing pulled now (or by the instance already pulling it): charges and refunds onto the ledger. */
export async function POST(request: Request) {
  try {
    await requireAdmin(request);
    const result = await pullNow(wavespeed(), instanceId());
    if (typeof result === "string") return Response.json({ state: result, pulled: 0, applied: 0 }, { status: 202 });
    return Response.json({ state: "pulled", ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
