import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { requestOrigin } from "@/lib/http/origin";
import { pick, removeShot } from "@/lib/storyboards/shots";
import { boardView } from "@/lib/storyboards/view";
import { pickSchema } from "@/lib/validations/storyboard";

type Context = { params: Promise<{ id: string; shotId: string }> };

/** `{ jobId }`: picks one of the shot's takes for the film. Answers the board. */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const { id, shotId } = await params;
    await pick(id, shotId, (await jsonBody(request, pickSchema)).jobId);
    return Response.json(await boardView(id, requestOrigin(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Removes the shot (its takes stay in the gallery). Answers the board. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const { id, shotId } = await params;
    await removeShot(id, shotId);
    return Response.json(await boardView(id, requestOrigin(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}
