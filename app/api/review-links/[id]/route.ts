import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { revokeLink } from "@/lib/reviews/links";

/** Revokes the link: its page, media and API answer 404 from then on. Its maker or an admin; 204. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    await revokeLink((await params).id, user);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
