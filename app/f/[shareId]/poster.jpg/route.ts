import { sharedFilmResponse } from "@/lib/films/media";

export async function GET(request: Request, { params }: { params: Promise<{ shareId: string }> }) {
  return sharedFilmResponse(request, (await params).shareId, "poster");
}

export const HEAD = GET;
