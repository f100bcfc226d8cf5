import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { removeOne, renameOne } from "@/lib/presets/presets";
import { renamePresetSchema } from "@/lib/validations/preset";

type Context = { params: Promise<{ id: string }> };

/** `{ name }`: renames it. Whoever saved it, or an admin (admins may rename any). */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    return Response.json(await renameOne((await params).id, (await jsonBody(request, renamePresetSchema)).name, user));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Removes it for the whole team: 204. Whoever saved it, or an admin. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    await removeOne((await params).id, user);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
