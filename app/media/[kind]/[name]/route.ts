import { currentUser } from "@/lib/auth/session";
import { ensureThumb } from "@/lib/media/thumb";
import { OUTPUT_KINDS, isOutputKind, outputKey } from "@/lib/storage/keys";
import { IMMUTABLE, objectResponse } from "@/lib/storage/serve";
import { getStore } from "@/lib/storage/store";

const answer = (status: number, text: string) => new Response(text, { status, headers: { "X-Content-Type-Options": "nosniff" } });

/**
 * Team members' stored videos, posters, thumbnails and last frames; a name is written once, so it caches
 * (privately) forever. A thumbnail a job copied before thumbnails existed lacks is made on its first request.
 */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string; name: string }> }) {
  if (!(await currentUser(request.headers))) return answer(401, "Sign in to use Keyframe.");
  const { kind, name } = await params;
  const key = isOutputKind(kind) ? outputKey(kind, name) : null;
  if (!key || !isOutputKind(kind)) return answer(404, "Not found");
  const store = await getStore();
  const serve = () => objectResponse(request, store, key, { contentType: OUTPUT_KINDS[kind].type, cacheControl: IMMUTABLE });
  const poster = kind === "thumbs" ? outputKey("posters", name) : null;
  const response = (await serve()) || (poster && (await ensureThumb(store, poster, key)) ? await serve() : null);
  return response || answer(404, "Not found");
}

export const HEAD = GET;
