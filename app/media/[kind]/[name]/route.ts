import { currentUser } from "@/lib/auth/session";
import { OUTPUT_KINDS, isOutputKind, outputKey } from "@/lib/storage/keys";
import { IMMUTABLE, objectResponse } from "@/lib/storage/serve";
import { getStore } from "@/lib/storage/store";

const answer = (status: number, text: string) => new Response(text, { status, headers: { "X-Content-Type-Options": "nosniff" } });

/** Team members' stored videos, posters and last frames; a name is written once, so it caches (privately) forever. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string; name: string }> }) {
  if (!(await currentUser(request.headers))) return answer(401, "Sign in to use Keyframe.");
  const { kind, name } = await params;
  const key = isOutputKind(kind) ? outputKey(kind, name) : null;
  const response =
    key &&
    isOutputKind(kind) &&
    (await objectResponse(request, await getStore(), key, { contentType: OUTPUT_KINDS[kind].type, cacheControl: IMMUTABLE }));
  return response || answer(404, "Not found");
}

export const HEAD = GET;
