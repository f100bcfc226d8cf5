import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { conditionalJson } from "@/lib/http/conditional";
import { jsonBody } from "@/lib/http/body";
import { requestOrigin } from "@/lib/http/origin";
import { removeBoard, renameBoard } from "@/lib/storyboards/boards";
import { boardTag, boardView } from "@/lib/storyboards/view";
import { renameBoardSchema } from "@/lib/validations/storyboard";

type Context = { params: Promise<{ id: string }> };

/** The board; 304 to a browser revalidating with If-None-Match when nothing on it changed (open boards poll this). */
export async function GET(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const { id } = await params;
    const origin = requestOrigin(request);
    return await conditionalJson(request, await boardTag(id, origin, user), () => boardView(id, origin, user));
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ name }`: renames it. Anyone on the team. */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const { id } = await params;
    await renameBoard(id, (await jsonBody(request, renameBoardSchema)).name);
    return Response.json(await boardView(id, requestOrigin(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Its maker or an admin: 204. Its films go and its review links stop working; the takes stay in the gallery. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    await removeBoard((await params).id, user);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
