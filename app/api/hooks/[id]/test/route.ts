import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { testHook } from "@/lib/hooks/manage";

/** Sends a `test` event now and answers 200 `{ delivery }` with how it went (delivered, or failed and why). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    return Response.json({ delivery: await testHook((await params).id, user) });
  } catch (error) {
    return errorResponse(error);
  }
}
