import { sharedFilmResponse } from "@/lib/films/media";

export async function GET(request: Request, { params }: { params: Promise<{ shareId: string }> }) {
  return sharedFilmResponse(request, (await params).shareId, "video");
}

export const HEAD = GET;
