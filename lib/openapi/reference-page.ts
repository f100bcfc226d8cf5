import "server-only";
import { headers } from "next/headers";
import { currentUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/http/origin";
import { apiDocument } from "./document";
import { referenceOf, type ApiDocumentJson } from "./reference";

/** What every API reference page shows: the document read for people, at the address this request reached. */
export async function referencePage() {
  const requestHeaders = await headers();
  const origin = publicOrigin(requestHeaders);
  const doc = apiDocument(origin) as unknown as ApiDocumentJson;
  return { origin, info: doc.info, ...referenceOf(doc, origin), user: await currentUser(requestHeaders) };
}
export type ReferencePage = Awaited<ReturnType<typeof referencePage>>;
