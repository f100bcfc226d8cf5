import { leftOutNote } from "../../lib/test/backend-free";
import { passBanner } from "../../lib/test/pass-banner";
import { STANDALONE } from "./entry";

/** Playwright's global setup: says which pass this is, how its servers run (on this same Node) and what it leaves out. */
export default function globalSetup(): void {
  const how = STANDALONE ? " · standalone server (node server.js, as the container)" : " · node scripts/start.mjs";
  passBanner("e2e", how + leftOutNote("e2e"));
}
