import { requireUser } from "@/lib/auth/session";
import { boardMarkers } from "@/lib/comments/export";
import { errorResponse } from "@/lib/errors";
import { markerFormatSchema } from "@/lib/validations/comments";
import { validationError } from "@/lib/validations/errors";

type Context = { params: Promise<{ id: string }> };

/** `?format=csv|edl|fcpxml`: the board's comments timed to its latest finished film, as a file to download. */
export async function GET(request: Request, { params }: Context) {
  try {
    await requireUser(request);
    const query = markerFormatSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw validationError(query.error);
    const file = await boardMarkers((await params).id, query.data.format);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${file.name.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
