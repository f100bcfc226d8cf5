import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { updateMember } from "@/lib/team/members";
import { memberUpdateSchema } from "@/lib/validations/account";
import { validationError } from "@/lib/validations/errors";

/** `{ password?, role?, disabled? }`: reset a password (their sessions end), change a role, disable or enable. */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const admin = await requireAdmin(request);
    const parsed = memberUpdateSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw validationError(parsed.error);
    return Response.json(await updateMember(admin, (await params).id, parsed.data));
  } catch (error) {
    return errorResponse(error);
  }
}
