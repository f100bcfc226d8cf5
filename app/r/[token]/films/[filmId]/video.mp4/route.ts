import { reviewFilmResponse } from "@/lib/reviews/public";

export async function GET(request: Request, { params }: { params: Promise<{ token: string; filmId: string }> }) {
  const { token, filmId } = await params;
  return reviewFilmResponse(request, token, filmId, "video");
}

export const HEAD = GET;
