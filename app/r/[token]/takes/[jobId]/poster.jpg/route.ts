import { reviewMediaResponse } from "@/lib/reviews/public";

export async function GET(request: Request, { params }: { params: Promise<{ token: string; jobId: string }> }) {
  const { token, jobId } = await params;
  return reviewMediaResponse(request, token, jobId, "posters");
}

export const HEAD = GET;
