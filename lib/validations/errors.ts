import type { core } from "zod/mini";
import { AppError, type FieldErrors } from "@/lib/errors";

/** The first message for each field, keyed by field name (or by its path to `depth`: "shots.2.comment"). */
export function fieldErrors(error: core.$ZodError, depth = 1): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.slice(0, depth).map(String).join(".") : "form";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: core.$ZodError, depth = 1): AppError {
  const fields = fieldErrors(error, depth);
  const names = Object.keys(fields);
  const message =
    names.length === 1 ? (Object.values(fields)[0] ?? "Invalid input.") : `${names.length} fields need attention: ${names.join(", ")}.`;
  return new AppError("validation_failed", message, fields);
}
