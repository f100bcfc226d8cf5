import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { removeFilm } from "@/lib/films/films";

/**
 * Deletes the film: 204, its video, poster and thumbnail removed and its link answering 404. Whoever exported
 * it, whoever made its storyboard, or an admin (as for its link). A film still rendering is cancelled. The files
 * go first: a storage failure answers 500 and leaves the film listed, to be deleted again.
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
