import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { hookDeliveries } from "@/lib/hooks/manage";

/** The hook's latest 50 deliveries, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    return Response.json({ deliveries: await hookDeliveries((await params).id, user) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
