import type { FieldErrors, Resolver } from "react-hook-form";
import type { GenerateFormValues, GenerateRequest } from "@/lib/validations/generate";

export type ImageFieldName = "image" | "lastImage";
/** The values (a URL or a File) the browser could not load as an image, per field. */
type LoadFailures = Partial<Record<ImageFieldName, unknown>>;

function loadFailureMessage(value: unknown): string {
  return typeof value === "string"
    ? "That URL did not load as an image. Check the address, or download the image and upload the file."
    : "That file cannot be shown as an image.";
}

/**
 * The schema's verdict plus what only the browser knows: whether each image actually loaded. WaveSpeed
 * would be paid to fail on an image that does not load, so such a value is an error like any other and
 * keeps Generate disabled, however often the rest of the form validates again.
 */
export function imageLoadAwareResolver(resolver: Resolver<GenerateFormValues, unknown, GenerateRequest>) {
  const failures: LoadFailures = {};
  const withFailures: Resolver<GenerateFormValues, unknown, GenerateRequest> = async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors: FieldErrors<GenerateFormValues> = { ...result.errors };
    for (const name of ["image", "lastImage"] as const) {
      const value = values[name];
      if (value && failures[name] === value && !errors[name]) {
        errors[name] = { type: "load", message: loadFailureMessage(value) };
      }
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : result;
  };
  return {
    resolver: withFailures,
    /** Remembers the value that failed; a later value in the field is judged afresh. */
    markFailed: (name: ImageFieldName, value: unknown) => {
      failures[name] = value;
    },
  };
}
