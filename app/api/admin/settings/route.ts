import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { getTeamSettings, saveTeamSettings } from "@/lib/team/settings";
import { validationError } from "@/lib/validations/errors";
import { teamSettingsSchema } from "@/lib/validations/team";

export async function GET(request: Request) {
  try {
    await requireAdmin(request);
    return Response.json(await getTeamSettings(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Caps (USD, null = none), balance warning, default link visibility, submits per minute. */
export async function PUT(request: Request) {
  try {
    await requireAdmin(request);
    const parsed = teamSettingsSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw validationError(parsed.error);
    return Response.json(await saveTeamSettings(parsed.data));
  } catch (error) {
    return errorResponse(error);
  }
}
