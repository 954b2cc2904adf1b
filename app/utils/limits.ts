/** Size limits shared by the scenario format and the HTTP readers (pure, so either may import it). */

/** Largest scenario file, and so the largest request body: 256 KB. */
export const MAX_SCENARIO_BYTES = 256 * 1024;
