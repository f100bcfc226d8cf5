import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { requestOrigin } from "@/lib/http/origin";
import { addTake } from "@/lib/storyboards/shots";
import { boardView } from "@/lib/storyboards/view";
import { addTakeSchema } from "@/lib/validations/storyboard";

/** `{ jobId, shotId? , afterShotId? }`: the take as a new shot, or as another take of `shotId`. Answers the board. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    const { id } = await params;
    await addTake(id, await jsonBody(request, addTakeSchema));
    return Response.json(await boardView(id, requestOrigin(request), user), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
