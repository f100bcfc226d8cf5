import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { removeHook } from "@/lib/hooks/manage";

/** Deletes the member's hook and its delivery log: 204. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    await removeHook((await params).id, user);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
