/**
 * The model's fixed vocabularies and its id pattern, free of zod: pages import these in the browser, and a value
 * import of `model.ts` would ship all of zod with them (docs/decisions/011-client-bundle.md). `model.ts` builds
 * its zod enums from these lists, so each is written once.
 */

/** Ids of units, services, markets, scenarios, rules: lower-case words joined by dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = "expected a lower-case id like 'huabei' or 'cash-loans'";

export function isSlug(id: string): boolean {
  return SLUG_PATTERN.test(id);
}

/** Categories of data that flow between units. */
export const DATA_CATEGORIES = [
  "transactions",
  "identity",
  "location",
  "social",
  "credit-history",
  "behaviour",
  "merchant",
] as const;

/** Places inside Alipay through which users reach a service. */
export const ENTRY_POINTS = [
  "home-screen",
  "checkout-default",
  "search",
  "mini-program",
  "payment-result",
  "wealth-tab",
] as const;

export const SEGMENTS = ["payments", "credit", "investment", "insurance", "innovation"] as const;
