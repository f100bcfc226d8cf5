import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { requestOrigin } from "@/lib/http/origin";
import { reorder } from "@/lib/storyboards/shots";
import { boardView } from "@/lib/storyboards/view";
import { orderSchema } from "@/lib/validations/storyboard";

/** `{ shotIds }`: every shot of the board, once each, in the new order (409 if the board changed meanwhile). */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    const { id } = await params;
    await reorder(id, (await jsonBody(request, orderSchema)).shotIds);
    return Response.json(await boardView(id, requestOrigin(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}
