/**
 * Every port the end-to-end suite uses, offset from E2E_PORT_BASE (default 3210), so two checkouts can
 * run their suites on one machine at once.
 */
const BASE = Number(process.env.E2E_PORT_BASE ?? 3210);

export const APP_PORT = BASE;
export const SIM_PORT = BASE + 1;
export const LIVE_APP_PORT = BASE + 2;
export const LIVE_SIM_PORT = BASE + 3;
export const LIVE_APP_SIM_PORT = BASE + 9;
export const RESTART_PORT = BASE + 10;
export const RESTART_SIM_PORT = BASE + 11;
export const FIRST_RUN_PORT = BASE + 20;
export const FIRST_RUN_SIM_PORT = BASE + 21;
export const CLUSTER_A_PORT = BASE + 30;
export const CLUSTER_B_PORT = BASE + 31;
export const CLUSTER_SIM_PORT = BASE + 32;
export const FRESH_PORT = BASE + 40;
export const FRESH_SIM_PORT = BASE + 41;
export const MOVE_PORT = BASE + 50;
export const MOVE_SIM_PORT = BASE + 51;
export const NPM_START_PORT = BASE + 60;
export const NPM_START_SIM_PORT = BASE + 61;
export const KEY_PORT = BASE + 70;
export const KEY_SIM_PORT = BASE + 71;
