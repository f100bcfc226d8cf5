import { leftOutNote } from "./backend-free";
import { passBanner } from "./pass-banner";

/** Vitest's global setup: says which pass this is, and what it leaves out. */
export default function setup(): void {
  passBanner("unit", leftOutNote("unit"));
}
