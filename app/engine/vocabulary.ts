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

/** How an entry point reads in a sentence ("loses the default at checkout"): pages never show the ids. */
export const ENTRY_POINT_PHRASES: Record<(typeof ENTRY_POINTS)[number], string> = {
  "home-screen": "the home screen",
  "checkout-default": "the default at checkout",
  search: "search",
  "mini-program": "mini programs",
  "payment-result": "the payment-result page",
  "wealth-tab": "the wealth tab",
};

/** An entry point's phrase, or its id when the vocabulary does not know it. */
export function entryPointPhrase(id: string): string {
  return (ENTRY_POINT_PHRASES as Record<string, string>)[id] ?? id;
}

/** How a data category reads in a sentence ("credit history"): pages never show the ids. */
export function categoryPhrase(id: string): string {
  return id === "credit-history" ? "credit history" : id;
}

/** "a", "a and b", "a, b and c" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const SEGMENTS = ["payments", "credit", "investment", "insurance", "innovation"] as const;
