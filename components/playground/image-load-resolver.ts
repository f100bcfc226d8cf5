import type { FieldErrors, Resolver } from "react-hook-form";
import type { GenerateFormValues, GenerateRequest } from "@/lib/validations/generate";

type FormResolver = Resolver<GenerateFormValues, unknown, GenerateRequest>;

let schema: Promise<FormResolver> | null = null;

/** Starts loading the form's schema (zod), once; the form calls it on the first touch, focus or drop. */
export function loadSchema(): Promise<FormResolver> {
  schema ??= import("./schema-resolver").then(
    (m) => m.schemaResolver,
    (error: unknown) => {
      schema = null; // a failed load (offline, a new deploy) is tried again on the next check
      throw error;
    },
  );
  return schema;
}

export const START_IMAGE_REQUIRED = "Start image is required.";

/**
 * The form's schema, loaded on first need. zod is most of the form's JavaScript, and a form without a
 * start image is invalid whatever else it holds: until someone touches the form (which starts the load),
 * that is the whole verdict, so the playground's first load does without the schema.
 */
export const lazySchemaResolver: FormResolver = async (values, context, options) => {
  if (!schema && !values.image) return { values: {}, errors: { image: { type: "required", message: START_IMAGE_REQUIRED } } };
  return (await loadSchema())(values, context, options);
};

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
export function imageLoadAwareResolver(resolver: FormResolver) {
  const failures: LoadFailures = {};
  const withFailures: FormResolver = async (values, context, options) => {
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
