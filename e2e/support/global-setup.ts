import { passBanner } from "../../lib/test/pass-banner";
import { STANDALONE } from "./entry";

/** Playwright's global setup: says which pass this is, and how its servers run (on this same Node). */
export default function globalSetup(): void {
  passBanner("e2e", STANDALONE ? " · standalone server (node server.js, as the container)" : " · node scripts/start.mjs");
}
