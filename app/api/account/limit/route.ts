import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { personalLimit, savePersonalLimit } from "@/lib/team/personal-limit";
import { getTeamSettings } from "@/lib/team/settings";
import { personalLimitSchema } from "@/lib/validations/money";

/** My own spend limits, below the caps an admin set (null: none). */
export async function GET(request: Request) {
  try {
    const user = await requireUser(request);
    return Response.json(await personalLimit(user.id));
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PUT(request: Request) {
  try {
    const user = await requireUser(request);
    const limit = await jsonBody(request, personalLimitSchema);
    return Response.json(await savePersonalLimit(user.id, limit, await getTeamSettings()));
  } catch (error) {
    return errorResponse(error);
  }
}
