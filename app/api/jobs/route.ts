import { requireUser } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { createJobs } from "@/lib/jobs/create";
import { conditionalJson } from "@/lib/http/conditional";
import { galleryViewer, jobPage } from "@/lib/jobs/list";
import { serverGenerateSchema } from "@/lib/validations/generate-server";
import { validationError } from "@/lib/validations/errors";
import { listQuerySchema } from "@/lib/validations/jobs";

// Two images of at most 10 MB each plus text fields; next.config.js lets the proxy buffer a little more.
const MAX_BODY_BYTES = 21 * 1024 * 1024;

/**
 * Multipart form fields (see README). `Idempotency-Key` header: the same key again answers the same jobs
 * (200) instead of making new ones. `confirmDuplicate=true`: generate even if these exact inputs were
 * generated in the last day (otherwise 409 with `duplicateOf`).
 */
export async function POST(request: Request) {
  try {
    const user = await requireUser(request);
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
      throw new AppError("payload_too_large", "The upload is too large: each image may be at most 10 MB.");
    }
    const form = await request.formData().catch(() => {
      throw new AppError("bad_request", "Send the form as multipart/form-data.");
    });
    const parsed = await serverGenerateSchema.safeParseAsync(Object.fromEntries(form));
    if (!parsed.success) throw validationError(parsed.error);
    const key = request.headers.get("idempotency-key")?.trim().slice(0, 200) || null;
    const created = await createJobs(parsed.data, {
      user,
      origin: requestOrigin(request),
      idempotencyKey: key,
      confirmDuplicate: form.get("confirmDuplicate") === "true",
    });
    return Response.json({ jobs: created.jobs }, { status: created.replayed ? 200 : 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function GET(request: Request) {
  try {
    const origin = requestOrigin(request);
    const { viewer, tag } = await galleryViewer(request, origin);
    const query = listQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw validationError(query.error);
    return await conditionalJson(request, tag, () => jobPage(query.data, origin, viewer));
  } catch (error) {
    return errorResponse(error);
  }
}
