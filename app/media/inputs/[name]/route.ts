import { currentUser } from "@/lib/auth/session";
import { ensureThumb } from "@/lib/media/thumb";
import { inputContentType, inputKey, inputThumbKey } from "@/lib/storage/keys";
import { IMMUTABLE, objectResponse } from "@/lib/storage/serve";
import { getStore } from "@/lib/storage/store";

/**
 * Stored start and end images; content-addressed names never change meaning. `?thumb` answers the image
 * fitted in THUMB_MAX as a JPEG (made and stored on its first request), for cards: an upload may be 40 MP.
 */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  if (!(await currentUser(request.headers))) return new Response("Sign in to use Keyframe.", { status: 401 });
  const { name } = await params;
  const key = inputKey(name);
  const thumb = new URL(request.url).searchParams.has("thumb") ? inputThumbKey(name) : null;
  const store = await getStore();
  const response = !key
    ? null
    : thumb
      ? (await ensureThumb(store, key, thumb)) &&
        (await objectResponse(request, store, thumb, { contentType: "image/jpeg", cacheControl: IMMUTABLE }))
      : await objectResponse(request, store, key, { contentType: inputContentType(name), cacheControl: IMMUTABLE });
  return response || new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
}
