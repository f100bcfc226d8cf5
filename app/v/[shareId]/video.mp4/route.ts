import { sharedMediaResponse } from "@/lib/jobs/shared-media";

export async function GET(request: Request, { params }: { params: Promise<{ shareId: string }> }) {
  return sharedMediaResponse(request, (await params).shareId, "videos");
}

export const HEAD = GET;
