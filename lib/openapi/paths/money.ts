import { z } from "zod";
import {
  alertSettingsSchema,
  ledgerQuerySchema,
  personalLimitSchema,
  pullResultSchema,
  settleChoiceSchema,
  settlementViewSchema,
} from "@/lib/validations/money";
import { idPath, type AreaPaths } from "../operation";

const alertsSchema = z.looseObject({ settings: alertSettingsSchema, secret: z.string(), alerts: z.array(z.looseObject({})) });

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
  "/api/admin/billing/pull": {
    post: {
      tag: "Team",
      id: "pullBilling",
      summary: "Pull WaveSpeed's billing now",
      description:
        "Charges and refunds per WaveSpeed task onto the ledger; caps count them from then on. 202 when another instance is pulling (its result lands shortly).",
      access: "admin",
      answers: [
        { status: 200, description: "Pulled.", schema: pullResultSchema },
        { status: 202, description: "Another instance is pulling.", schema: pullResultSchema },
      ],
      refusals: [502],
    },
  },
  "/api/admin/ledger": {
    get: {
      tag: "Team",
      id: "getLedger",
      summary: "The ledger: quote, WaveSpeed's charge and refund per take, and other use of the key",
      description: "`format=csv`: one line per take and a total line equal to `totalMicros`. Default window: this month so far (UTC).",
      access: "admin",
      query: ledgerQuerySchema,
      answers: [
        { status: 200, description: "The ledger.", schema: z.looseObject({ rows: z.array(z.looseObject({})), totalMicros: z.number() }) },
      ],
      refusals: [400],
    },
  },
  "/api/admin/alerts": {
    get: {
      tag: "Team",
      id: "getAlerts",
      summary: "Spend alerts: thresholds, where they go, the signing secret, the last month's alerts",
      access: "admin",
      answers: [{ status: 200, description: "Alerts.", schema: alertsSchema }],
    },
    put: {
      tag: "Team",
      id: "updateAlerts",
      summary: "Set alert thresholds and the Slack-compatible and signed JSON webhook URLs",
      description: "Each threshold fires once per cap, member and period; the balance floor (team settings) once a day.",
      access: "admin",
      json: alertSettingsSchema,
      answers: [{ status: 200, description: "Alerts.", schema: alertsSchema }],
      refusals: [400],
    },
  },
  "/api/admin/alerts/seen": {
    post: {
      tag: "Team",
      id: "seeAlerts",
      summary: "Mark every alert seen (the header's badge goes)",
      access: "admin",
      answers: [{ status: 200, description: "Done.", schema: z.object({ ok: z.literal(true) }) }],
    },
  },
  "/api/account/limit": {
    get: {
      tag: "Team",
      id: "getPersonalLimit",
      summary: "My own spend limits",
      access: "member",
      answers: [{ status: 200, description: "My limits (null: none).", schema: personalLimitSchema }],
    },
    put: {
      tag: "Team",
      id: "setPersonalLimit",
      summary: "Set my own spend limits, below the caps an admin set",
      access: "member",
      json: personalLimitSchema,
      answers: [{ status: 200, description: "My limits.", schema: personalLimitSchema }],
      refusals: [400],
    },
  },
  "/api/admin/reports": {
    get: {
      tag: "Team",
      id: "getSpendReport",
      summary: "Spend by member, model and day, WaveSpeed's daily totals beside, and the month's projection",
      access: "admin",
      query: ledgerQuerySchema,
      answers: [
        {
          status: 200,
          description: "The report (micro-USD).",
          schema: z.looseObject({ totalMicros: z.number(), byDay: z.array(z.looseObject({})) }),
        },
      ],
      refusals: [400],
    },
  },
};
