import "server-only";
import { outputKey } from "@/lib/storage/keys";
import { objectResponse } from "@/lib/storage/serve";
import { getStore } from "@/lib/storage/store";
import { hiddenFrom, sharedJob } from "./share";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });

/**
 * A shared job's stored video or poster. Revalidated on every use (cheap 304s), so revoking a link
 * stops its media at once.
 */
export async function sharedMediaResponse(request: Request, shareId: string, kind: "videos" | "posters"): Promise<Response> {
  const job = await sharedJob(shareId);
  if (job && (await hiddenFrom(job, request.headers))) {
    return new Response("Sign in to watch this video.", { status: 401, headers: { "X-Content-Type-Options": "nosniff" } });
  }
  const name = kind === "videos" ? job?.videoFile : job?.posterFile;
  const key = name ? outputKey(kind, name) : null;
  if (!key) return NOT_FOUND();
  const type = kind === "videos" ? "video/mp4" : "image/jpeg";
  return (
    (await objectResponse(request, await getStore(), key, {
      contentType: type,
      cacheControl: job?.shareVisibility === "team" ? "private, no-cache" : "public, no-cache",
    })) ?? NOT_FOUND()
  );
}
