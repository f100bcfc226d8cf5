import { requireSessionUser } from "@/lib/auth/session";
import { revokeTokenById } from "@/lib/auth/tokens";
import { errorResponse } from "@/lib/errors";

type Context = { params: Promise<{ id: string }> };

/** Revokes the token at once: 204. One's own, or any member's for an admin. Browser session only. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireSessionUser(request);
    await revokeTokenById((await params).id, user);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
