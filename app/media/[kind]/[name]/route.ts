import { currentUser } from "@/lib/auth/session";
import { OUTPUT_KINDS, outputPath, type OutputKind } from "@/lib/storage/outputs";
import { fileResponse, IMMUTABLE } from "@/lib/storage/serve";

const answer = (status: number, text: string) => new Response(text, { status, headers: { "X-Content-Type-Options": "nosniff" } });

/** Team members' stored videos, posters and last frames; a name is written once, so it caches (privately) forever. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string; name: string }> }) {
  if (!(await currentUser(request.headers))) return answer(401, "Sign in to use Keyframe.");
  const { kind, name } = await params;
  const file = Object.hasOwn(OUTPUT_KINDS, kind) ? outputPath(kind as OutputKind, name) : null;
  const response =
    file && (await fileResponse(request, file, { contentType: OUTPUT_KINDS[kind as OutputKind].type, cacheControl: IMMUTABLE }));
  return response || answer(404, "Not found");
}

export const HEAD = GET;
