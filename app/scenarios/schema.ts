/**
 * The scenario format: the one definition of what a file in `scenarios/` may say.
 *
 * It validates files (with positions added by the loader), types the engine's input (`Scenario`, `Rule`) and is
 * exported to `scenarios/scenario.schema.json` for editors. Pure and isomorphic: no I/O here.
 * Ids of units, services, markets and players are checked against the model separately (`checkReferences`),
 * because the model lives in the database and the format does not change with it.
 */
import { z } from "zod";
import { dataCategory, entryPoint, slug } from "../engine/model";
import type * as Engine from "../engine/rules";
import { sourceUrl } from "./source-url";
import { textProblem } from "./text";
import { formatOfUnit, type ValueFormat } from "../utils/format";

/** The units a rule parameter may be in (`fraction` reads as a percentage). */
export type ParamUnit = "fraction" | "RMB per query" | "RMB bn" | "months" | "x capital";

/**
 * What a numeric parameter means to a reader, declared once beside its bounds: the label a room reads, the unit
 * its number is in and how it is shown and typed (`percent`: 0.3 shows and is typed as 30%). The what-if panel,
 * the builder, the diff and the JSON Schema (`title`, `x-unit`, `x-format`) all read it from here (decision 026).
 */
export interface ParamMeta {
  label: string;
  /** The help text (also the field's `.describe()`). */
  description: string;
  unit: ParamUnit;
  format: ValueFormat;
  min: number;
  max: number;
}

/** The registry of parameter metadata: `paramMetaOf` reads it for a rule type's field. */
export const paramRegistry = z.registry<ParamMeta>();

/**
 * A numeric parameter: a plain value, or a range with the value used by default.
 * The range is what a what-if slider and an uncertainty analysis may move within.
 */
function param(
  min: number,
  max: number,
  description: string,
  meta: { label: string; unit: ParamUnit; format?: ValueFormat },
  /** What a file's author must know beyond the words (a share is written 0..1): in the file schema only. */
  fileNote?: string,
) {
  const value = z.number().min(min).max(max);
  return z
    .union([
      value,
      z
        .object({ low: value, high: value, value })
        .strict()
        .refine((r) => r.low <= r.value && r.value <= r.high, {
          message: "expected low <= value <= high",
        }),
    ])
    .describe(fileNote ? `${description} (${fileNote})` : description)
    .register(paramRegistry, { label: meta.label, description, unit: meta.unit, format: meta.format ?? formatOfUnit(meta.unit), min, max });
}

export { paramValue, type Param } from "./params";

/**
 * A share or rate from 0 to 1, shown and typed as a percentage. Its description is the words people read beside a
 * percentage (the builder, the what-if panel); only the file schema adds that a file writes it 0..1.
 */
const rate = (description: string, label: string) => param(0, 1, description, { label, unit: "fraction", format: "percent" }, "0..1");
const ids = (description: string) => z.array(slug).min(1).describe(description);
const response = z
  .enum(["raise", "shrink", "facilitate"])
  .describe(
    "How a unit meets a capital shortfall: raise capital (at the cost of equity), shrink its book, or facilitate: move the loans it cannot fund onto partner banks' books and keep a platform fee",
  );
const dateString = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected a date like 2020-11-02, 2020-11 or 2020");

/** Free text a person wrote, `min` to `max` characters, printable (textProblem: no control, bidi or invisible-only text). */
function text(min: number, max: number, { oneLine }: { oneLine: boolean }) {
  return (min > 0 ? z.string().min(min) : z.string())
    .max(max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, { oneLine });
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

const base = {
  id: slug.optional().describe("Stable id of the rule within the scenario (used in URLs); defaults to rule-N"),
  label: text(1, 200, { oneLine: true }).describe("A short plain-language name for the rule"),
  note: text(0, 2000, { oneLine: false }).optional().describe("Why the rule is there, where it comes from"),
};

// ---- Data privacy ----
export const consentRequiredRule = z
  .object({
    ...base,
    type: z.literal("consent-required"),
    categories: z.array(dataCategory).min(1).describe("Categories of data that may only be shared with opt-in consent"),
    from: ids("Units that send the data (default: any)").optional(),
    to: ids("Units that receive the data (default: any)").optional(),
    consentRate: rate("Share of users who opt in", "Share of users who consent"),
  })
  .strict();

export const dataBanRule = z
  .object({
    ...base,
    type: z.literal("data-ban"),
    categories: z.array(dataCategory).min(1).describe("Categories of data that may no longer flow between units"),
    from: ids("Units that send the data (default: any)").optional(),
    to: ids("Units that receive the data (default: any)").optional(),
  })
  .strict();

export const creditBureauRule = z
  .object({
    ...base,
    type: z.literal("credit-bureau"),
    to: ids("Credit units that must get credit data through the bureau"),
    coverageKept: rate("Share of the credit data's value the bureau still delivers", "Data value the bureau keeps"),
    costPerQuery: param(0, 100, "Fee per bureau query, RMB", { label: "Fee per bureau query", unit: "RMB per query" }),
    bureauStake: rate("Ant's stake in the bureau (its share of the fees comes back)", "Ant's stake in the bureau"),
  })
  .strict();

export const retentionLimitRule = z
  .object({
    ...base,
    type: z.literal("retention-limit"),
    categories: z.array(dataCategory).min(1),
    months: param(0, 240, "How many months of history may be kept", { label: "Months of history kept", unit: "months" }),
  })
  .strict();

// ---- Anti-monopoly splits ----
export const spinOffRule = z
  .object({
    ...base,
    type: z.literal("spin-off"),
    units: ids("Units moved into the new entity"),
    entity: text(1, 120, { oneLine: true }).describe("Name of the new entity"),
    stakeKept: rate("Ant's stake in the new entity (at 0.5 or below it is no longer consolidated: a majority is needed for control)", "Ant's stake kept"),
    keepLinks: z.boolean().default(false).describe("Whether Alipay keeps its in-app links to the entity's services"),
  })
  .strict();

export const unbundleRule = z
  .object({
    ...base,
    type: z.literal("unbundle"),
    services: ids("Services unbundled from Alipay"),
    entryPoints: z
      .union([z.literal("all"), z.array(entryPoint).min(1)])
      .describe("Entry points removed from Alipay, or 'all'"),
    recapture: rate("Share of the users who came through a removed entry point and still find the service", "Users who find it anyway").optional(),
  })
  .strict();

export const interoperabilityRule = z
  .object({
    ...base,
    type: z.literal("interoperability"),
    market: slug.describe("Market where rival wallets and codes are accepted"),
    player: slug.describe("Player whose share moves to rivals"),
    shareShift: param(0, 1, "Share points moved from the player to rivals, as a fraction (0.05 = 5 points)", { label: "Share moved to rivals", unit: "fraction", format: "percent" }),
  })
  .strict();

export const marketShareCapRule = z
  .object({
    ...base,
    type: z.literal("market-share-cap"),
    market: slug,
    player: slug,
    cap: rate("Largest share the player may hold; the excess goes to rivals pro rata", "Largest share allowed"),
  })
  .strict();

// ---- Capital requirements ----
export const capitalRatioRule = z
  .object({
    ...base,
    type: z.literal("capital-ratio"),
    units: ids("Units the ratio applies to"),
    minRatio: rate("Minimum capital over risk-weighted assets", "Minimum capital ratio"),
    riskWeight: param(0, 5, "Risk weight of the units' own-funded loans (1 = 100%)", { label: "Risk weight", unit: "fraction", format: "percent" }).optional(),
    response,
  })
  .strict();

export const coLendingRule = z
  .object({
    ...base,
    type: z.literal("co-lending"),
    units: ids("Credit units whose co-lent loans it covers"),
    minOwnShare: rate("Minimum share of each co-lent loan funded by the platform itself", "Minimum own funding"),
    response,
  })
  .strict();

export const leverageCapRule = z
  .object({
    ...base,
    type: z.literal("leverage-cap"),
    units: ids("Units whose own-funded book is capped"),
    maxLeverage: param(0.1, 100, "Largest own-funded book as a multiple of capital held", { label: "Largest leverage", unit: "x capital" }),
    response,
  })
  .strict();

export const minCapitalRule = z
  .object({
    ...base,
    type: z.literal("min-capital"),
    units: ids("Units (or the holding company 'group') that must hold at least this capital"),
    minimum: param(0, 1000, "Minimum registered or paid-in capital, RMB bn", { label: "Minimum capital", unit: "RMB bn" }),
    controlledShare: rate(
      "On 'group' only: the holding company's paid-in capital must also be at least this share of the capital of the financial units it controls (0.5 in the 2020 financial-holding-company measures)",
      "Holding company's share of controlled capital",
    ).optional(),
  })
  .strict();

export const fundSizeCapRule = z
  .object({
    ...base,
    type: z.literal("fund-size-cap"),
    unit: slug.describe("The fund's unit"),
    maxAum: param(0, 10000, "Largest assets under management, RMB bn; the rest flows to rival funds", { label: "Largest fund size", unit: "RMB bn" }),
  })
  .strict();

// ---- One-off charges ----
export const fineRule = z
  .object({
    ...base,
    type: z.literal("fine"),
    amount: param(0, 1000, "The fine, RMB bn: a one-off that hits that year's profit and the holding company's capital, not recurring profit", { label: "Fine", unit: "RMB bn" }),
    date: dateString.describe("When the fine was imposed (its year is the year it hits)"),
  })
  .strict();

export const ruleSchema = z.discriminatedUnion("type", [
  consentRequiredRule,
  dataBanRule,
  creditBureauRule,
  retentionLimitRule,
  spinOffRule,
  unbundleRule,
  interoperabilityRule,
  marketShareCapRule,
  capitalRatioRule,
  coLendingRule,
  leverageCapRule,
  minCapitalRule,
  fundSizeCapRule,
  fineRule,
]);

export { RULE_FAMILIES, type RuleFamily } from "./families";

/**
 * A number of a rule that was typed in from history (Yu'e Bao's 780.8 RMB bn after the rectification, the 50%
 * stake, the 30% share): an input, never a prediction. The page, the deck and the back-test say so.
 */
export const historyInputSchema = z
  .object({
    rule: slug.describe("Id of the rule whose parameter was typed in from history"),
    field: z
      .string()
      .regex(/^[a-z][A-Za-z]*$/, "expected a parameter name like maxAum")
      .describe("The rule's numeric parameter (e.g. maxAum, stakeKept, minOwnShare)"),
    what: text(1, 300, { oneLine: true }).describe("What the number is in history, e.g. \"Yu'e Bao's assets at the end of Q2 2021\""),
    sources: z
      .array(z.string().regex(/^S\d+$/, "expected a fact register key like S42"))
      .min(1)
      .describe("Fact register keys that report the number"),
  })
  .strict();

export const scenarioSchema = z
  .object({
    $schema: z.string().optional().describe("Path to scenario.schema.json, for editors"),
    title: text(1, 200, { oneLine: true }),
    summary: text(1, 4000, { oneLine: false }),
    date: dateString.describe("When the rules were announced or would apply"),
    hypothetical: z.boolean().default(false).describe("True for a what-if that no regulator proposed"),
    sources: z
      .array(
        z
          .string()
          .regex(/^(S\d+|https?:\/\/\S+)$/, "expected a fact register key like S30 or a URL")
          // The parser that renders the link decides (a regex let `http://[` through, and its page broke for good).
          .refine((s) => !/^https?:/i.test(s) || sourceUrl(s) !== null, { error: "expected a URL a browser can open, like https://example.org/page" }),
      )
      .min(1)
      .describe("Fact register keys (S1..S89, docs/facts/ant-group.md) or URLs"),
    assumptions: z
      .record(slug, z.number())
      .optional()
      .describe("Overrides of the model's engine assumptions, by id"),
    rules: z.array(ruleSchema).max(12).describe("The rules, applied together (their order does not matter)"),
    inputs: z
      .array(historyInputSchema)
      .max(24)
      .optional()
      .describe("The rules' numbers typed in from history (inputs, not predictions), each with its sources"),
  })
  .strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioDefinition = z.output<typeof scenarioSchema>;
/**
 * The engine defines the rule shapes (`app/engine/rules.ts`, free of zod); this schema must produce exactly them.
 * `Same` fails to compile on any difference (a field, its optionality, a literal), so the two cannot drift.
 */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
type Flat<T> = { [K in keyof T]: T[K] };
type SchemaRule = z.output<typeof ruleSchema>;
export type RuleSchemaMatchesEngine = Assert<
  Same<
    { [T in SchemaRule["type"]]: Flat<Extract<SchemaRule, { type: T }>> },
    { [T in Engine.RuleType]: Flat<Engine.RuleOf<T>> }
  >
>;

export type Rule = Engine.Rule;

/** A rule field without its optional wrapper (public zod API: `unwrap()`). */
const unwrapped = (f: z.ZodType): z.ZodType => (f instanceof z.ZodOptional ? (f.unwrap() as z.ZodType) : f);

/** The metadata of a rule type's numeric parameter, or undefined when the field is not one. */
export function paramMetaOf(type: string, field: string): ParamMeta | undefined {
  const member = ruleSchema.options.find((o) => o.shape.type.value === type);
  const f = (member?.shape as Record<string, z.ZodType> | undefined)?.[field];
  return f ? paramRegistry.get(unwrapped(f)) : undefined;
}

/** Every numeric field of every rule type, with its metadata if declared, in the schema's order (tests, docs). */
export function numericRuleFields(): Array<{ type: RuleType; field: string; meta: ParamMeta | undefined }> {
  return ruleSchema.options.flatMap((o) =>
    Object.entries(o.shape as Record<string, z.ZodType>)
      .filter(([, f]) => {
        const inner = unwrapped(f);
        return inner instanceof z.ZodNumber || (inner instanceof z.ZodUnion && inner.options.some((x) => x instanceof z.ZodNumber));
      })
      .map(([field, f]) => ({ type: o.shape.type.value as RuleType, field, meta: paramRegistry.get(unwrapped(f)) })),
  );
}
export type RuleType = Engine.RuleType;

/** A scenario ready for the engine: its definition plus the id it is known by (file name or variant id). */
export type Scenario = ScenarioDefinition & { id: string };
