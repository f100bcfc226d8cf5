import { OUTPUT_KINDS, outputPath, type OutputKind } from "@/lib/storage/outputs";
import { fileResponse, IMMUTABLE } from "@/lib/storage/serve";

/** Keyframe's stored videos, posters and last frames; a name is written once, so it caches forever. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string; name: string }> }) {
  const { kind, name } = await params;
  const file = Object.hasOwn(OUTPUT_KINDS, kind) ? outputPath(kind as OutputKind, name) : null;
  const response =
    file && (await fileResponse(request, file, { contentType: OUTPUT_KINDS[kind as OutputKind].type, cacheControl: IMMUTABLE }));
  return response || new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
}

export const HEAD = GET;
