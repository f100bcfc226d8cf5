import { memberUpdateSchema, newMemberSchema } from "@/lib/validations/account";
import { teamSettingsUpdateSchema } from "@/lib/validations/team";
import { idPath, type AreaPaths } from "../operation";
import { memberListSchema, memberSchema, spendSchema, teamSettingsViewSchema } from "../schemas/team";

export const teamPaths: AreaPaths = {
  "/api/spend": {
    get: {
      tag: "Team",
      id: "getSpend",
      summary: "My spend and the team's, and what each cap leaves me",
      description: "Admins also get the WaveSpeed balance and `keyRefused`.",
      access: "member",
      answers: [{ status: 200, description: "Spend and caps.", schema: spendSchema }],
    },
  },
  "/api/admin/settings": {
    get: {
      tag: "Team",
      id: "getTeamSettings",
      summary: "Team settings",
      access: "admin",
      answers: [{ status: 200, description: "The settings.", schema: teamSettingsViewSchema }],
    },
    put: {
      tag: "Team",
      id: "updateTeamSettings",
      summary: "Change caps, defaults and the rate limit",
      description: "A cap that would refuse someone's next take right now answers 409 with `refusals` unless `confirmRefusals: true`.",
      access: "admin",
      json: teamSettingsUpdateSchema,
      answers: [{ status: 200, description: "The saved settings.", schema: teamSettingsViewSchema }],
      refusals: [400, 409],
    },
  },
  "/api/admin/members": {
    get: {
      tag: "Team",
      id: "listMembers",
      summary: "Members",
      access: "admin",
      answers: [{ status: 200, description: "Everyone on the team.", schema: memberListSchema }],
    },
    post: {
      tag: "Team",
      id: "createMember",
      summary: "Add a member (or another admin)",
      access: "admin",
      json: newMemberSchema,
      answers: [{ status: 201, description: "The member.", schema: memberSchema }],
      refusals: [400, 409],
    },
  },
  "/api/admin/members/{id}": {
    patch: {
      tag: "Team",
      id: "updateMember",
      summary: "Reset a password, change a role, disable or enable",
      description: "A new password ends the member's sessions; disabling stops their tokens at once.",
      access: "admin",
      path: idPath,
      json: memberUpdateSchema,
      answers: [{ status: 200, description: "The member.", schema: memberSchema }],
      refusals: [400, 404, 409],
    },
  },
};
