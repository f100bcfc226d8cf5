import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { alertsView, updateAlerts } from "@/lib/money/alert-view";
import { alertSettingsSchema } from "@/lib/validations/money";

/** Admins: spend alert thresholds and where they go, the signing secret, and the last month's alerts. */
export async function GET(request: Request) {
  try {
    await requireAdmin(request);
    return Response.json(await alertsView(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PUT(request: Request) {
  try {
    await requireAdmin(request);
    return Response.json(await updateAlerts(await jsonBody(request, alertSettingsSchema)));
  } catch (error) {
    return errorResponse(error);
  }
}
