import { currentUser } from "@/lib/auth/session";
import { inputContentType, inputKey } from "@/lib/storage/keys";
import { IMMUTABLE, objectResponse } from "@/lib/storage/serve";
import { getStore } from "@/lib/storage/store";

/** Stored start and end images; content-addressed names never change meaning. */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  if (!(await currentUser(request.headers))) return new Response("Sign in to use Keyframe.", { status: 401 });
  const { name } = await params;
  const key = inputKey(name);
  const response =
    key && (await objectResponse(request, await getStore(), key, { contentType: inputContentType(name), cacheControl: IMMUTABLE }));
  return response || new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
}
