import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { requestExport } from "@/lib/films/films";
import { filmView } from "@/lib/films/view";

/** Queues the picked takes, in shot order, for rendering into one MP4: 202 with the film (its progress in the board). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(request);
    const film = await requestExport((await params).id, user);
    return Response.json(filmView(film, requestOrigin(request), true), { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
