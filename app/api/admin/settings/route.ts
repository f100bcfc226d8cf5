import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { updateTeamSettings } from "@/lib/team/cap-refusals";
import { getTeamSettings } from "@/lib/team/settings";
import { validationError } from "@/lib/validations/errors";
import { teamSettingsUpdateSchema } from "@/lib/validations/team";

export async function GET(request: Request) {
  try {
    await requireAdmin(request);
    return Response.json(await getTeamSettings(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Caps (USD, null = none), balance warning, default link visibility, submits per minute. A cap that would
 * refuse someone's next Generate right now is 409 with `refusals` (which cap, whom) unless `confirmRefusals: true`.
 */
export async function PUT(request: Request) {
  try {
    const admin = await requireAdmin(request);
    const parsed = teamSettingsUpdateSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw validationError(parsed.error);
    return Response.json(await updateTeamSettings(parsed.data, admin));
  } catch (error) {
    return errorResponse(error);
  }
}
