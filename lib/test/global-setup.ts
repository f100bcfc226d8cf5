import { passBanner } from "./pass-banner";

/** Vitest's global setup: says which pass this is. */
export default function setup(): void {
  passBanner("unit");
}
