import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { removeFilm } from "@/lib/films/films";

/**
 * Deletes the film: 204, its video, poster and thumbnail removed and its link answering 404. Whoever exported
 * it, whoever made its storyboard, or an admin. A film still rendering is cancelled.
 */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    await removeFilm((await params).id, user);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
