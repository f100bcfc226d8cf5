import { currentUser } from "@/lib/auth/session";
import { inputContentType, readInput } from "@/lib/storage/media";

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  if (!(await currentUser(request.headers))) return new Response("Sign in to use Keyframe.", { status: 401 });
  const { name } = await params;
  const bytes = await readInput(name);
  if (!bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": inputContentType(name),
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      // Content-addressed names never change meaning.
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
}
