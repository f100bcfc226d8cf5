import { z } from "zod";
import { DELIVERY_STATUSES } from "@/lib/db/enums";
import { hookCreateSchema } from "@/lib/validations/hooks";
import { idPath, type AreaPaths } from "../operation";
import { isoTime } from "../schemas/common";

const hookSchema = z
  .strictObject({
    id: z.string(),
    url: z.string(),
    secret: z
      .string()
      .nullable()
      .meta({ description: "`whsec_…`: check each delivery's `webhook-signature` with it. Null for a read-only token." }),
    createdAt: isoTime,
  })
  .meta({ id: "Hook" });
const deliverySchema = z
  .strictObject({
    id: z.string().meta({ description: "Sent as `webhook-id`; the same on every retry." }),
    event: z.enum(["take.completed", "take.failed", "test"]),
    takeId: z.string().nullable(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    responseStatus: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The receiver's last HTTP status; null when it could not be reached." }),
    error: z.string().nullable(),
    createdAt: isoTime,
    nextAttemptAt: isoTime.nullable(),
    deliveredAt: isoTime.nullable(),
  })
  .meta({ id: "HookDelivery" });
const deliveryPath = z.object({ id: z.string(), deliveryId: z.string() });
const delivery = (description: string) => ({ status: 200, description, schema: z.object({ delivery: deliverySchema }) });

export const hookPaths: AreaPaths = {
  "/api/hooks": {
    get: {
      tag: "Hooks",
      id: "listHooks",
      summary: "Your outgoing webhooks, oldest first",
      access: "member",
      answers: [{ status: 200, description: "The webhooks.", schema: z.object({ hooks: z.array(hookSchema) }) }],
    },
    post: {
      tag: "Hooks",
      id: "createHook",
      summary: "Register a URL for your finished takes",
      description:
        'Keyframe POSTs `{ event: "take.completed" | "take.failed" | "test", id, createdAt, take }` with `webhook-id`, `webhook-timestamp` and `webhook-signature: v3,<hex>` (hex HMAC-SHA256 over `{id}.{timestamp}.{body}`, keyed by the secret without `whsec_`), as WaveSpeed signs. Retried with backoff for about 21 hours. At most 10 per member; link-local and cloud metadata addresses are refused.',
      access: "member",
      json: hookCreateSchema,
      answers: [{ status: 201, description: "The webhook and its signing secret.", schema: z.object({ hook: hookSchema }) }],
      refusals: [400, 409],
    },
  },
  "/api/hooks/{id}": {
    delete: {
      tag: "Hooks",
      id: "deleteHook",
      summary: "Stop a webhook (its delivery log goes with it)",
      access: "member",
      path: idPath,
      answers: [{ status: 204, description: "Deleted." }],
      refusals: [404],
    },
  },
  "/api/hooks/{id}/test": {
    post: {
      tag: "Hooks",
      id: "testHook",
      summary: "Send a test event now (tried once)",
      access: "member",
      path: idPath,
      answers: [delivery("How the test went.")],
      refusals: [404],
    },
  },
  "/api/hooks/{id}/deliveries": {
    get: {
      tag: "Hooks",
      id: "listDeliveries",
      summary: "A webhook's latest 50 deliveries, newest first",
      access: "member",
      path: idPath,
      answers: [{ status: 200, description: "Deliveries.", schema: z.object({ deliveries: z.array(deliverySchema) }) }],
      refusals: [404],
    },
  },
  "/api/hooks/{id}/deliveries/{deliveryId}/retry": {
    post: {
      tag: "Hooks",
      id: "retryDelivery",
      summary: "Send a failed delivery again now (same id, same bytes)",
      access: "member",
      path: deliveryPath,
      answers: [delivery("How the retry went.")],
      refusals: [404, 409],
    },
  },
};
