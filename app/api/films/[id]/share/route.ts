import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { requestOrigin } from "@/lib/http/origin";
import { setFilmShare } from "@/lib/films/films";
import { filmView } from "@/lib/films/view";

type Context = { params: Promise<{ id: string }> };

/** A new share link (the old one stops working). Whoever exported it, whoever made its storyboard, or an admin. */
export async function POST(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    return Response.json(filmView(await setFilmShare((await params).id, user, true), requestOrigin(request), true));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Revokes the link: the film's share page and its media answer 404 from then on. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireUser(request);
    return Response.json(filmView(await setFilmShare((await params).id, user, false), requestOrigin(request), true));
  } catch (error) {
    return errorResponse(error);
  }
}
