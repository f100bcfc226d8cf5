import { z } from "zod";
import { DELIVERY_STATUSES } from "@/lib/db/enums";
import { idPath, type AreaPaths } from "../operation";
import { isoTime } from "../schemas/common";

// Placeholders from the brief's contract, until the hooks routes land: the lead swaps in the schemas those
// routes validate with (lib/validations/hooks.ts).
const newHookSchema = z.object({ url: z.url({ protocol: /^https?$/ }).max(2048) });
const hookSchema = z.object({ id: z.string(), url: z.string(), createdAt: isoTime }).meta({ id: "Hook" });
const deliverySchema = z.looseObject({ id: z.string(), event: z.string(), status: z.enum(DELIVERY_STATUSES) }).meta({ id: "HookDelivery" });

export const hookPaths: AreaPaths = {
  "/api/hooks": {
    get: {
      tag: "Hooks",
      id: "listHooks",
      summary: "Your webhooks",
      access: "member",
      answers: [{ status: 200, description: "The webhooks.", schema: z.object({ hooks: z.array(hookSchema) }) }],
    },
    post: {
      tag: "Hooks",
      id: "createHook",
      summary: "Register a URL for your finished takes",
      description:
        'Keyframe POSTs `{ event: "take.completed" | "take.failed" | "test", take }` with `webhook-id`, `webhook-timestamp` and `webhook-signature: v3,<hex>`, signed as WaveSpeed signs, with the `secret` answered here.',
      access: "member",
      json: newHookSchema,
      answers: [
        {
          status: 201,
          description: "The webhook and its signing secret.",
          schema: z.object({ hook: hookSchema.extend({ secret: z.string() }) }),
        },
      ],
      refusals: [400],
    },
  },
  "/api/hooks/{id}": {
    delete: {
      tag: "Hooks",
      id: "deleteHook",
      summary: "Stop a webhook",
      access: "member",
      path: idPath,
      answers: [{ status: 204, description: "Deleted." }],
      refusals: [403, 404],
    },
  },
  "/api/hooks/{id}/test": {
    post: {
      tag: "Hooks",
      id: "testHook",
      summary: "Send a test delivery",
      access: "member",
      path: idPath,
      answers: [{ status: 202, description: "Queued." }],
      refusals: [403, 404],
    },
  },
  "/api/hooks/{id}/deliveries": {
    get: {
      tag: "Hooks",
      id: "listDeliveries",
      summary: "A webhook's delivery log",
      access: "member",
      path: idPath,
      answers: [{ status: 200, description: "Deliveries, newest first.", schema: z.object({ deliveries: z.array(deliverySchema) }) }],
      refusals: [403, 404],
    },
  },
};
