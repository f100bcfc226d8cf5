import { memberFilmResponse } from "@/lib/films/media";

/** Exported films, for members; `?download` sends it as a file named after its storyboard. */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return memberFilmResponse(request, (await params).name);
}

export const HEAD = GET;
