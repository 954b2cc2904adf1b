/**
 * The model's documentation (/model/about) from the files that already say it, so it cannot drift from them:
 * the mechanisms from app/engine/PROPAGATION.md, the change log from docs/decisions/, the assumptions from the
 * model, the outcomes analysis from the back-test, the sensitivity from the engine's tornado on the last step
 * of what-happened.
 */
import fs from "node:fs";
import path from "node:path";
import type { Model } from "../engine/model";
import type { HeadlineKey } from "../engine/result";
import type { Swing } from "../engine/uncertainty";
import { modelVersion } from "../data/model.server";
import { scenarioOf } from "../paths/evaluate";
import { tunables, withParameterLabels } from "../scenarios/tunables";
import { cachedAsync, hashOf } from "./cache.server";
import { compute } from "./compute-pool.server";
import { getHistory } from "./history.server";

export interface DocSection {
  heading: string;
  text: string;
}

export interface DecisionEntry {
  number: string;
  title: string;
  date: string;
  status: string;
  /** The first paragraph of its Decision section. */
  decision: string;
  file: string;
}

/** `## Heading` sections of a Markdown text, the text under each kept as written. */
export function markdownSections(text: string): DocSection[] {
  const out: DocSection[] = [];
  let current: DocSection | null = null;
  for (const line of text.split(/\r?\n/)) {
    const h = /^##\s+(.*)$/.exec(line);
    if (h) {
      if (current) out.push(current);
      current = { heading: h[1]!.trim(), text: "" };
    } else if (current) current.text += `${line}\n`;
  }
  if (current) out.push(current);
  return out.map((s) => ({ ...s, text: s.text.trim() }));
}

/** A decision record's number, title, date, status and the first paragraph of its decision. */
export function decisionEntry(file: string, text: string): DecisionEntry | null {
  const title = /^#\s+(\d{3}):?\s*(.*)$/m.exec(text);
  if (!title) return null;
  const date = /Date:\s*([0-9-]{10})/.exec(text)?.[1] ?? "";
  const status = /Status:\s*([A-Za-z ]+?)\s*(?:$|\n|·)/m.exec(text)?.[1] ?? "";
  const decision = markdownSections(text).find((s) => /^decision/i.test(s.heading))?.text.split(/\n\s*\n/)[0] ?? "";
  return { number: title[1]!, title: title[2]!.trim(), date, status, decision: decision.replace(/\s+/g, " ").trim(), file };
}

const root = () => process.cwd();

export function mechanisms(): DocSection[] {
  try {
    return markdownSections(fs.readFileSync(path.join(root(), "app/engine/PROPAGATION.md"), "utf8"));
  } catch {
    return [];
  }
}

export function decisionLog(): DecisionEntry[] {
  const dir = path.join(root(), "docs/decisions");
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir).filter((n) => /^\d{3}-.*\.md$/.test(n) && !n.startsWith("000"));
  } catch {
    return [];
  }
  return names
    .sort()
    .flatMap((n) => {
      const e = decisionEntry(`docs/decisions/${n}`, fs.readFileSync(path.join(dir, n), "utf8"));
      return e ? [e] : [];
    });
}

export interface ModelAbout {
  mechanisms: DocSection[];
  decisions: DecisionEntry[];
  assumptions: Array<{ id: string; label: string; value: number; low: number; high: number; unit: string; rationale: string; sourceKeys: string[] }>;
  coverage: { inside: number; outputs: number } | null;
  outcomes: number;
  inputs: number;
  /** The largest swings of profit on the last step of what-happened, one at a time. */
  sensitivity: { metric: HeadlineKey; date: string; swings: Swing[] } | null;
}

/** The page's content for a model (the model-page service reads the model and maps its failures, as for /model). */
export async function modelAbout(model: Model): Promise<ModelAbout> {
  const h = await getHistory({ model });
  let sens: ModelAbout["sensitivity"] = null;
  if (h.status === "ok") {
    const p = h.view.file.path;
    const last = p.steps.at(-1);
    if (last) {
      // On the compute pool, once per model and last step (decision 021).
      const scenario = scenarioOf(p, last, last.active);
      const swings = (
        await cachedAsync(`sensitivity:${hashOf([modelVersion(model), scenario])}`, () => compute("sensitivity", { scenario }, model))
      ).profit;
      // Rule parameters by their labels, as on the scenario page ("…: Largest leverage", not "…: maxLeverage").
      const labelled = withParameterLabels({ profit: swings }, tunables(scenario, model)).profit;
      sens = { metric: "profit", date: last.date, swings: labelled.filter((s) => Math.abs(s.high - s.low) > 1e-9).slice(0, 8) };
    }
  }
  return {
    mechanisms: mechanisms(),
    decisions: decisionLog(),
    assumptions: model.assumptions.map(({ id, label, value, low, high, unit, rationale, sourceKeys }) => ({ id, label, value, low, high, unit, rationale, sourceKeys })),
    coverage: h.status === "ok" ? h.backtest.coverage : null,
    outcomes: h.status === "ok" ? h.backtest.rows.length : 0,
    inputs: h.status === "ok" ? h.backtest.rows.filter((r) => r.input).length : 0,
    sensitivity: sens,
  };
}
