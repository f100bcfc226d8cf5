import type { core } from "zod/mini";
import { AppError, type FieldErrors } from "@/lib/errors";

/** The first message for each field, keyed by field name. */
export function fieldErrors(error: core.$ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: core.$ZodError): AppError {
  const fields = fieldErrors(error);
  const names = Object.keys(fields);
  const message =
    names.length === 1 ? (Object.values(fields)[0] ?? "Invalid input.") : `${names.length} fields need attention: ${names.join(", ")}.`;
  return new AppError("validation_failed", message, fields);
}
