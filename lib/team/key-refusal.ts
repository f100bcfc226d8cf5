import "server-only";
import { deleteSetting, getSetting, putSetting } from "@/lib/db/queries/settings";

const KEY = "wavespeedKeyRefused";

/** WaveSpeed answered 401/403 to a request made with the API key; shared by every instance through the database. */
export type KeyRefusal = { status: number; message: string; at: number };

export async function keyRefusal(): Promise<KeyRefusal | null> {
  const value = (await getSetting(KEY)) as Partial<KeyRefusal> | undefined;
  if (!value || typeof value.status !== "number" || typeof value.message !== "string") return null;
  return { status: value.status, message: value.message, at: Number(value.at ?? 0) };
}

/** From now on no submit and no result GET is made, on any instance, until the key is accepted again. */
export async function refuseKey(status: number, message: string, at = Date.now()): Promise<void> {
  await putSetting(KEY, { status, message, at });
}

/** A request with the key succeeded (a balance check): polling and submits resume. */
export async function acceptKey(): Promise<void> {
  await deleteSetting(KEY);
}

/** What admins read on every page while the key is refused. */
export function refusalNotice(refusal: KeyRefusal): string {
  const said = refusal.message.replace(/^WaveSpeed /, "");
  const what = said.startsWith(`${refusal.status}`) ? said : `${refusal.status}: ${said}`;
  return `WaveSpeed refused the API key (${what}). Check WAVESPEED_API_KEY in the server's environment and the account it belongs to at wavespeed.ai; no job is sent or checked meanwhile, and polling resumes by itself once WaveSpeed accepts it.`;
}

export type KeyRefusalView = { status: number; message: string; at: string; notice: string };

/** The refusal as admins see it (GET /api/spend), or null while WaveSpeed accepts the key. */
export async function keyRefusalView(): Promise<KeyRefusalView | null> {
  const refusal = await keyRefusal();
  if (!refusal) return null;
  return { status: refusal.status, message: refusal.message, at: new Date(refusal.at).toISOString(), notice: refusalNotice(refusal) };
}
