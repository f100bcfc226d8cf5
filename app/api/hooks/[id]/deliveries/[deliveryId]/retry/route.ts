import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { redeliver } from "@/lib/hooks/manage";

/** Sends a failed delivery again now (same id, same body): 200 `{ delivery }`; 409 unless it had failed. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; deliveryId: string }> }) {
  try {
    const user = await requireUser(request);
    const { id, deliveryId } = await params;
    return Response.json({ delivery: await redeliver(id, deliveryId, user) });
  } catch (error) {
    return errorResponse(error);
  }
}
