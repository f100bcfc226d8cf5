import { requireUser } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { jsonBody } from "@/lib/http/body";
import { requestOrigin } from "@/lib/http/origin";
import { generateForShot } from "@/lib/storyboards/generate";
import { shotActionSchema, shotTakeRequestSchema } from "@/lib/validations/storyboard";

/**
 * `{ prompt, duration, cameraFixed, seed, variations }`: `continue` makes the next shot, after this one, from
 * the last frame of its picked take; `retake` makes more takes of this shot from the same images.
 * Charged like Generate (caps, rate limit, `Idempotency-Key`); 201 `{ jobs, shotId }`. Takes a fixed seed
 * already generated with the same inputs get 409 `duplicateOf` (as POST /api/jobs) unless `confirmDuplicate: true`.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; shotId: string; action: string }> }) {
  try {
    const user = await requireUser(request);
    const { id, shotId, action: name } = await params;
    const mode = shotActionSchema.safeParse(name);
    if (!mode.success) throw new AppError("not_found", "No such action on a shot.");
    const { confirmDuplicate, ...input } = await jsonBody(request, shotTakeRequestSchema);
    const key = request.headers.get("idempotency-key")?.trim().slice(0, 200) || null;
    const options = { user, origin: requestOrigin(request), idempotencyKey: key, confirmDuplicate };
    const created = await generateForShot(id, shotId, mode.data, input, options);
    return Response.json({ jobs: created.jobs, shotId: created.shotId }, { status: created.replayed ? 200 : 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
