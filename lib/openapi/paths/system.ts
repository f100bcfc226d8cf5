import { z } from "zod";
import { type AreaPaths } from "../operation";
import { healthSchema } from "../schemas/team";

export const systemPaths: AreaPaths = {
  "/api/health": {
    get: {
      tag: "System",
      id: "health",
      summary: "Whether this instance can serve",
      access: "public",
      answers: [
        { status: 200, description: "Database, storage and worker are up.", schema: healthSchema },
        { status: 503, description: "Something is down, or the instance is draining.", schema: healthSchema },
      ],
    },
  },
  "/api/openapi.json": {
    get: {
      tag: "System",
      id: "openapi",
      summary: "This document (OpenAPI 3.1)",
      access: "public",
      answers: [
        {
          status: 200,
          description: "The document, with `servers` set to the address you reached.",
          schema: z.looseObject({ openapi: z.string() }),
        },
      ],
    },
  },
};
