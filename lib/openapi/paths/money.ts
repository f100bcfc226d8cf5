import { settleChoiceSchema, settlementViewSchema } from "@/lib/validations/money";
import { idPath, type AreaPaths } from "../operation";

const settlement = { status: 200, description: "The settlement.", schema: settlementViewSchema };

export const moneyPaths: AreaPaths = {
  "/api/admin/jobs/{id}/settlement": {
    get: {
      tag: "Team",
      id: "getSettlement",
      summary: "How a take's lost submit was settled against WaveSpeed's history",
      description: "`ambiguous`: several WaveSpeed tasks fit, listed in `candidates`; an admin chooses one.",
      access: "admin",
      path: idPath,
      answers: [settlement],
      refusals: [404],
    },
    post: {
      tag: "Team",
      id: "chooseSettlement",
      summary: "Choose the task a lost submit made (or none)",
      description:
        "A candidate: the take is followed from it as if the answer had come. `null`: nothing was made, the reservation is released.",
      access: "admin",
      path: idPath,
      json: settleChoiceSchema,
      answers: [settlement],
      refusals: [400, 404, 409],
    },
  },
};
