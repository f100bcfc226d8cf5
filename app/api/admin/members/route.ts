import { requireAdmin } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { createMember, listMembers } from "@/lib/team/members";
import { newMemberSchema } from "@/lib/validations/account";
import { validationError } from "@/lib/validations/errors";

export async function GET(request: Request) {
  try {
    await requireAdmin(request);
    return Response.json({ members: await listMembers() }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `{ name, email, password, role }`: 201 with the member. */
export async function POST(request: Request) {
  try {
    await requireAdmin(request);
    const parsed = newMemberSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw validationError(parsed.error);
    return Response.json(await createMember(parsed.data), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
