// backend-free: pure functions, no database or object store
import { describe, expect, it } from "vitest";
import { generateSchema } from "@/lib/validations/generate";
import { GENERATE_DEFAULTS } from "@/lib/validations/generate-defaults";
import { lazySchemaResolver, START_IMAGE_REQUIRED } from "./image-load-resolver";

const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe("lazySchemaResolver", () => {
  it("says what the schema says of a fresh form, before the schema has loaded", async () => {
    const parsed = await generateSchema.safeParseAsync(GENERATE_DEFAULTS);
    const image = parsed.error?.issues.find((issue) => issue.path[0] === "image");
    expect(image?.message).toBe(START_IMAGE_REQUIRED);
    const result = await lazySchemaResolver({ ...GENERATE_DEFAULTS }, undefined, options);
    expect(result.errors).toEqual({ image: { type: "required", message: START_IMAGE_REQUIRED } });
  });

  it("judges a form with an image by the whole schema", async () => {
    const result = await lazySchemaResolver(
      { ...GENERATE_DEFAULTS, image: "https://example.com/a.png", prompt: "a\u0000b" },
      undefined,
      options,
    );
    expect(result.errors.prompt?.message).toContain("control character (U+0000)");
    expect(result.errors.image).toBeUndefined();
    const empty = await lazySchemaResolver({ ...GENERATE_DEFAULTS }, undefined, options);
    expect(empty.errors.image?.message).toBe(START_IMAGE_REQUIRED);
    expect(empty.errors.prompt?.message).toBe("Describe the motion you want.");
  });
});
