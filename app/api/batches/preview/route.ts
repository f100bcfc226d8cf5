import { requireUser } from "@/lib/auth/session";
import { readBatch } from "@/lib/batches/input";
import { previewBatch } from "@/lib/batches/preview";
import { errorResponse } from "@/lib/errors";

/** Each row's validation, takes and price, the total and what the caps leave. Stores nothing, sends nothing. */
export async function POST(request: Request) {
  try {
    const user = await requireUser(request);
    return Response.json(await previewBatch(await readBatch(request), user));
  } catch (error) {
    return errorResponse(error);
  }
}
