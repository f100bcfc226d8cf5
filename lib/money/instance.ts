import "server-only";
import { env } from "@/lib/env";

/** This instance's name on the leases it takes. */
export const instanceId = () => env().instanceId;
