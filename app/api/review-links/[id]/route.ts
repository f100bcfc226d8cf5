import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { updateControls } from "@/lib/reviews/controls";
import { revokeLink } from "@/lib/reviews/links";
import { reviewControlsSchema } from "@/lib/validations/review-controls";

type Context = { params: Promise<{ id: string }> };

/**
 * `{ expiresAt?, passphrase?, allowComment?, allowDecide?, allowDownload?, enabled? }` (null removes an expiry or
 * passphrase): the link's controls and use, never its passphrase. Its maker or an admin.
 */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    const input = await jsonBody(request, reviewControlsSchema);
    return Response.json({ controls: await updateControls((await params).id, input, user) });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Revokes the link: its page, media and API answer 404 from then on. Its maker or an admin; 204. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    await revokeLink((await params).id, user);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
