import { z } from "zod";
import { MODEL_IDS, RESOLUTIONS } from "@/lib/catalog";
import { type AreaPaths } from "../operation";

const quoteRequest = z
  .object({
    model: z.enum(MODEL_IDS as [string, ...string[]]),
    duration: z.number().int(),
    resolution: z.enum(RESOLUTIONS).nullable().optional(),
    generateAudio: z.boolean().nullable().optional(),
  })
  .meta({ id: "QuoteRequest" });

const quoteSchema = z
  .object({
    model: z.string(),
    micros: z.number().int().meta({ description: "One video's price, micro-USD: WaveSpeed's discounted price when it gives one." }),
    label: z.string(),
    listMicros: z.number().int().meta({ description: "The catalog's list price." }),
    source: z.enum(["wavespeed", "list"]).meta({ description: "`list` in simulator mode or when WaveSpeed did not answer." }),
  })
  .meta({ id: "Quote" });

export const modelPaths: AreaPaths = {
  "/api/models/quote": {
    post: {
      tag: "Models",
      id: "quotePrice",
      summary: "The price of one video with a model, duration and resolution",
      description:
        "WaveSpeed's `POST /api/v3/model/price`, kept for an hour per model and inputs; a take made within that hour is charged this quote.",
      access: "member",
      json: quoteRequest,
      answers: [{ status: 200, description: "The quote.", schema: quoteSchema }],
      refusals: [400],
    },
  },
};
