import { zodResolver } from "@hookform/resolvers/zod";
import { generateSchema } from "@/lib/validations/generate";

/** The form's schema as a resolver: loaded on first need (see `lazySchemaResolver`). */
export const schemaResolver = zodResolver(generateSchema);
