import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { seeAlerts } from "@/lib/money/alert-view";

/** Admins: every alert marked seen (the badge in the header goes). */
export async function POST(request: Request) {
  try {
    await requireAdmin(request);
    await seeAlerts();
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
