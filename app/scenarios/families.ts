/** Which family each rule type belongs to. Free of zod, for the pages (docs/decisions/011-client-bundle.md). */
import type { Rule } from "./schema";

export const RULE_FAMILIES = {
  "consent-required": "privacy",
  "data-ban": "privacy",
  "credit-bureau": "privacy",
  "retention-limit": "privacy",
  "spin-off": "anti-monopoly",
  unbundle: "anti-monopoly",
  interoperability: "anti-monopoly",
  "market-share-cap": "anti-monopoly",
  "capital-ratio": "capital",
  "co-lending": "capital",
  "leverage-cap": "capital",
  "min-capital": "capital",
  "fund-size-cap": "capital",
  // A fine is enforcement, not a capital rule; it sits here because it hits capital and profit, not data or markets.
  fine: "capital",
} as const satisfies Record<Rule["type"], "privacy" | "anti-monopoly" | "capital">;
export type RuleFamily = (typeof RULE_FAMILIES)[keyof typeof RULE_FAMILIES];
