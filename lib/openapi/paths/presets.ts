import { presetSchema, renamePresetSchema } from "@/lib/validations/preset";
import { idPath, type AreaPaths } from "../operation";
import { presetViewSchema } from "../schemas/boards";
import { z } from "zod";

const preset = { status: 200, description: "The preset.", schema: presetViewSchema };

export const presetPaths: AreaPaths = {
  "/api/presets": {
    get: {
      tag: "Presets",
      id: "listPresets",
      summary: "The team's presets, oldest first",
      access: "member",
      answers: [{ status: 200, description: "The presets.", schema: z.object({ presets: z.array(presetViewSchema) }) }],
    },
    post: {
      tag: "Presets",
      id: "savePreset",
      summary: "Save a prompt and its settings as a preset",
      description: "Checked exactly as the Generate form checks them; 409 for a name in use.",
      access: "member",
      json: presetSchema,
      answers: [{ ...preset, status: 201 }],
      refusals: [400, 409],
    },
  },
  "/api/presets/{id}": {
    patch: {
      tag: "Presets",
      id: "renamePreset",
      summary: "Rename a preset",
      access: "member",
      path: idPath,
      json: renamePresetSchema,
      answers: [preset],
      refusals: [400, 403, 404, 409],
    },
    delete: {
      tag: "Presets",
      id: "removePreset",
      summary: "Remove a preset for the whole team",
      access: "member",
      path: idPath,
      answers: [{ status: 204, description: "Removed." }],
      refusals: [403, 404],
    },
  },
};
