import { errorResponse } from "@/lib/errors";
import { conditionalJson } from "@/lib/http/conditional";
import { requestOrigin } from "@/lib/http/origin";
import { galleryViewer, jobChanges } from "@/lib/jobs/list";
import { validationError } from "@/lib/validations/errors";
import { changesQuerySchema } from "@/lib/validations/jobs";

/**
 * `?since=<version>&status=&q=&scope=`: what changed after a gallery's version (see JobChanges). Answers 304
 * to a browser revalidating with If-None-Match when nothing changed.
 */
export async function GET(request: Request) {
  try {
    const origin = requestOrigin(request);
    const { viewer, tag } = await galleryViewer(request, origin);
    const query = changesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw validationError(query.error);
    return await conditionalJson(request, tag, () => jobChanges(query.data, origin, viewer));
  } catch (error) {
    return errorResponse(error);
  }
}
