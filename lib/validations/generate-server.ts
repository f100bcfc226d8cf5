import "server-only";
import { undecodableImage } from "@/lib/images/decode";
import { makeGenerateSchema } from "./generate";

/** The form's schema plus a full decode of each uploaded image, for the route that takes the upload. */
export const serverGenerateSchema = makeGenerateSchema({ decodeImage: undecodableImage });
