/**
 * The scenario builder: a form for a whole scenario with a live preview of its result.
 *
 * Without JavaScript it is a plain POST form: "add a rule", "remove", "move up/down" and "check" are submit
 * buttons (name="intent") that the action answers by re-rendering the draft, and "save" stores it. With
 * JavaScript the same buttons edit the draft in place, and every change re-reads the form (decodeForm),
 * validates it (checkDraft, as the server will) and re-evaluates the preview in the browser.
 *
 * Nobody is told off before acting: a field's errors show once it has been changed, and the summary of every
 * problem once "Check" or "Save" is pressed (or the server re-rendered a posted form).
 */
import { Form } from "@remix-run/react";
import { useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type MouseEvent } from "react";

import { evaluate } from "~/engine";
import type { Model } from "~/engine/model";
import { ruleIdOf } from "~/scenarios/ids";
import { formatNumber, formatOfUnit, formatRange, formatWithUnit, toInputNumber } from "~/utils/format";

import { applyIntent, checkDraft, decodeForm, errorsAt, isTouched, parseIntent, INPUTS_NAME, PERCENT_NAME_SUFFIX, type Draft, type DraftError, type Intent } from "./draft";
import { FieldMessages, fieldId, RuleField, TextField } from "./Fields";
import { SourcePicker } from "./SourcePicker";
import { HeadlineTable, ServicesTable } from "./ResultTables";
import { FAMILY_LABEL, ruleTypesByFamily, ruleTypeSpec, TOP_LEVEL } from "./schema-fields";
import { StalePanel, type StalePayload } from "./StalePanel";

export interface BuilderFormProps {
  /** The model the draft is checked against and evaluated on (provenance left out). */
  model: Model;
  draft: Draft;
  /** Errors about the version rather than the scenario (`author`, `note`, `forkedFrom`, `baseVersion`). */
  metaErrors: DraftError[];
  /** Whether to show the draft's errors beside its fields from the start (after a post). */
  showErrors: boolean;
  forkedFrom: string | null;
  baseVersion: number | null;
  author: string;
  note: string;
  limits: { author: number; note: number };
  saveLabel: string;
  /** A message for the whole form (the database was busy, ...). */
  formError: string | null;
  stale: StalePayload | null;
}

let keyCounter = 0;
const newKey = () => `k${++keyCounter}`;

function moveKeys(keys: string[], intent: Intent): string[] {
  switch (intent.kind) {
    case "add":
      return [...keys, newKey()];
    case "remove":
      return keys.filter((_, i) => i !== intent.index);
    case "up":
    case "down": {
      const j = intent.index + (intent.kind === "up" ? -1 : 1);
      if (j < 0 || j >= keys.length) return keys;
      const out = [...keys];
      [out[intent.index], out[j]] = [out[j]!, out[intent.index]!];
      return out;
    }
    default:
      return keys;
  }
}

/** Where an error's link in the summary goes: the field's control, or the rule's card. */
function anchorFor(path: string): string {
  const rule = /^rules\[(\d+)\]/.exec(path);
  if (rule) return `#rule-card-${rule[1]}`;
  const top = /^(title|summary|date|sources|hypothetical)/.exec(path);
  if (top) return `#${fieldId(top[1]!)}`;
  if (path.startsWith("assumptions")) return "#assumptions-overrides";
  return "#builder-form";
}

export function BuilderForm(props: BuilderFormProps) {
  const { model } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(props.draft);
  const [keys, setKeys] = useState(() => props.draft.rules.map(() => newKey()));
  const [showErrors, setShowErrors] = useState(props.showErrors);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [hydrated, setHydrated] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => setHydrated(true), []);
  useEffect(() => setShowErrors((s) => s || props.showErrors), [props.showErrors]);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  // The fields follow at once; the check and the preview follow in a render React may interrupt.
  const deferred = useDeferredValue(draft);
  const check = useMemo(() => checkDraft(deferred, model), [deferred, model]);
  const preview = useMemo(() => {
    if (!check.ok) return null;
    const t0 = typeof performance !== "undefined" ? performance.now() : 0;
    const result = evaluate(model, { ...check.definition, id: "draft" });
    return { result, ms: typeof performance !== "undefined" ? performance.now() - t0 : 0 };
  }, [check, model]);
  const all = check.ok ? [] : check.errors;
  const errors = showErrors ? all : all.filter((e) => isTouched(e.path, touched));
  const warnings = check.warnings;

  const read = () => decodeForm(new FormData(formRef.current!)).draft;

  function onChange(e: FormEvent<HTMLFormElement>) {
    const name = (e.target as HTMLInputElement).name;
    setDraft(read());
    if (name) setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
  }

  function onIntent(e: MouseEvent<HTMLButtonElement>) {
    const intent = parseIntent(e.currentTarget.value);
    if (!intent || !hydrated) return;
    if (intent.kind === "check") {
      e.preventDefault();
      setDraft(read());
      setShowErrors(true);
      return;
    }
    if (intent.kind !== "add" && intent.kind !== "remove" && intent.kind !== "up" && intent.kind !== "down") return;
    e.preventDefault();
    const current = read();
    const next = applyIntent(current, intent);
    const nextKeys = moveKeys(keys, intent);
    setDraft(next);
    setKeys(nextKeys);
    if (intent.kind === "add") setFocusTarget(fieldId(`rules[${next.rules.length - 1}].label`));
    else if (intent.kind === "remove") setFocusTarget("rules-heading");
    else {
      const j = intent.index + (intent.kind === "up" ? -1 : 1);
      const atEdge = intent.kind === "up" ? j === 0 : j === next.rules.length - 1;
      const k = nextKeys[j] ?? nextKeys[intent.index]!;
      setFocusTarget(`${k}-${atEdge ? (intent.kind === "up" ? "down" : "up") : intent.kind}`);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    // Enter in a one-line field would press the form's first button: with JavaScript the preview is live anyway.
    const t = e.target as HTMLElement;
    if (e.key === "Enter" && t.tagName === "INPUT" && (t as HTMLInputElement).type !== "submit") e.preventDefault();
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    setShowErrors(true);
    void e;
  }

  const engineAssumptions = model.assumptions.filter((a) => a.usedBy === "engine");
  const overridden = Object.keys(draft.assumptions).length;
  const assumptionErrors = errorsAt(errors, "assumptions");
  const families = ruleTypesByFamily();
  const metaError = (p: string) => props.metaErrors.filter((e) => e.path === p);
  const formLevel = props.metaErrors.filter((e) => e.path === "forkedFrom" || e.path === "baseVersion" || e.path === "");

  return (
    <div className="builder-layout">
      <Form
        method="post"
        id="builder-form"
        className="builder-form"
        noValidate
        ref={formRef}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onSubmit={onSubmit}
        data-hydrated={hydrated ? "true" : "false"}
        aria-labelledby="builder-heading"
      >
        {props.forkedFrom ? <input type="hidden" name="forkedFrom" value={props.forkedFrom} /> : null}
        {draft.inputs.length > 0 ? <input type="hidden" name={INPUTS_NAME} value={JSON.stringify(draft.inputs)} /> : null}
        {props.baseVersion !== null ? <input type="hidden" name="baseVersion" value={props.baseVersion} /> : null}

        <div className="builder-toolbar">
          <button type="submit" name="intent" value="check" className="button secondary" onClick={onIntent}>
            Check the draft{hydrated ? "" : " and update the preview"}
          </button>
          <a href="#save-panel" className="button-link">
            Go to save
          </a>
        </div>

        {props.formError || formLevel.length > 0 ? (
          <div role="alert" className="form-alert">
            {props.formError ? <p>{props.formError}</p> : null}
            {formLevel.map((e) => (
              <p key={e.path + e.message}>
                {e.path ? <code>{e.path}</code> : null} {e.message}
              </p>
            ))}
          </div>
        ) : null}

        {props.stale ? <StalePanel stale={props.stale} /> : null}

        {showErrors && errors.length > 0 ? (
          <div className="error-summary" role="status" aria-live="polite" data-testid="error-summary">
            <h2>
              {errors.length === 1 ? "1 problem" : `${errors.length} problems`} to fix before this can be saved
            </h2>
            <ul>
              {errors.slice(0, 20).map((e) => (
                <li key={e.path + e.message}>
                  <a href={anchorFor(e.path)}>
                    <code>{e.path || "scenario"}</code>
                  </a>{" "}
                  {e.message}
                </li>
              ))}
              {errors.length > 20 ? <li>and {errors.length - 20} more</li> : null}
            </ul>
          </div>
        ) : null}

        <fieldset className="builder-section">
          <legend>
            <h2>The scenario</h2>
          </legend>
          <TextField
            name="title"
            label="Title"
            value={draft.title}
            errors={errorsAt(errors, "title")}
            maxLength={TOP_LEVEL.title.maxLength}
            required
            help={`At most ${formatNumber(TOP_LEVEL.title.maxLength ?? 0)} characters.`}
          />
          <TextField
            name="summary"
            label="Summary"
            value={draft.summary}
            errors={errorsAt(errors, "summary")}
            maxLength={TOP_LEVEL.summary.maxLength}
            multiline
            required
            rows={5}
            help={`The question the scenario asks, in a few sentences. At most ${formatNumber(TOP_LEVEL.summary.maxLength ?? 0)} characters.`}
          />
          <div className="field-row">
            <TextField
              name="date"
              label="Date"
              value={draft.date}
              errors={errorsAt(errors, "date")}
              required
              help={`${TOP_LEVEL.date.description}: 2020-11-02, 2020-11 or 2020.`}
            />
            <div className="field field-boolean">
              <label className="choice" htmlFor={fieldId("hypothetical")}>
                <input
                  id={fieldId("hypothetical")}
                  type="checkbox"
                  name="hypothetical"
                  value="true"
                  defaultChecked={draft.hypothetical}
                  aria-describedby={`${fieldId("hypothetical")}-help`}
                />{" "}
                Hypothetical
              </label>
              <p id={`${fieldId("hypothetical")}-help`} className="help">
                {TOP_LEVEL.hypothetical.description}.
              </p>
            </div>
          </div>
          <SourcePicker sources={model.sources} chosen={draft.sources} errors={errorsAt(errors, "sources")} hydrated={hydrated} help={TOP_LEVEL.sources.description} />
        </fieldset>

        <details className="builder-section assumptions-overrides" id="assumptions-overrides" open={overridden > 0 || assumptionErrors.length > 0}>
          <summary>
            <h2>Assumption overrides ({overridden === 0 ? "none" : `${overridden} set`})</h2>
          </summary>
          <p className="help">{TOP_LEVEL.assumptions.description}. Leave a field empty to use the model's value.</p>
          <div className="assumption-grid">
            {engineAssumptions.map((a) => {
              const name = `assumptions.${a.id}`;
              const id = fieldId(name);
              const mine = errorsAt(errors, name);
              const v = draft.assumptions[a.id];
              // A rate or share is typed as the percentage it reads as (12 for 0.12), under `<name>%` (draft.ts).
              const format = formatOfUnit(a.unit);
              const percent = format === "percent";
              const typed = (n: number) => String(toInputNumber(n, format));
              return (
                <div key={a.id} className={`field${mine.length > 0 ? " has-error" : ""}`} data-field-path={name}>
                  <label htmlFor={id}>
                    {a.label}
                    {percent ? " (%)" : ""}
                  </label>
                  <input
                    id={id}
                    name={percent ? `${name}${PERCENT_NAME_SUFFIX}` : name}
                    type="number"
                    step="any"
                    min={toInputNumber(a.low, format)}
                    max={toInputNumber(a.high, format)}
                    inputMode="decimal"
                    placeholder={typed(a.value)}
                    defaultValue={v === undefined ? "" : typeof v === "number" ? typed(v) : String(v)}
                    aria-invalid={mine.length > 0 ? true : undefined}
                    aria-describedby={`${id}-help${mine.length > 0 ? ` ${id}-msg` : ""}`}
                  />
                  <p id={`${id}-help`} className="help">
                    Model: {formatWithUnit(a.value, a.unit)}; allowed {formatRange(a.low, a.high, a.unit)}.
                  </p>
                  <FieldMessages id={id} errors={mine} path={name} />
                </div>
              );
            })}
          </div>
        </details>

        <section className="builder-section" aria-labelledby="rules-heading">
          <h2 id="rules-heading" tabIndex={-1}>
            Rules ({draft.rules.length} of at most {TOP_LEVEL.rules.maxItems})
          </h2>
          <p className="help">{TOP_LEVEL.rules.description}.</p>
          <FieldMessages id="rules-list" errors={errors.filter((e) => e.path === "rules")} />
          {draft.rules.length === 0 ? <p className="empty">No rules yet: add one below.</p> : null}
          <ol className="rule-editors">
            {draft.rules.map((rule, i) => {
              const key = keys[i] ?? `i${i}`;
              const spec = ruleTypeSpec(rule.type);
              const ruleErrors = errorsAt(errors, `rules[${i}]`);
              return (
                <li key={key} id={`rule-card-${i}`} className={`rule-editor family-${spec?.family ?? "unknown"}${ruleErrors.length > 0 ? " has-error" : ""}`} data-rule-type={rule.type}>
                  <fieldset>
                    <legend>
                      <span className="rule-number">Rule {i + 1}</span> {spec ? spec.title : `Unknown type '${rule.type}'`}
                      {spec ? <span className="family-tag">{FAMILY_LABEL[spec.family]}</span> : null}
                      <span className="visually-hidden">: {ruleIdOf(rule as { id?: string }, i)}</span>
                    </legend>
                    <input type="hidden" name={`rules[${i}].type`} value={rule.type} />
                    <div className="rule-actions">
                      <button type="submit" id={`${key}-up`} name="intent" value={`up:${i}`} className="button small" disabled={i === 0} onClick={onIntent} aria-label={`Move rule ${i + 1} up`}>
                        ↑ Up
                      </button>
                      <button
                        type="submit"
                        id={`${key}-down`}
                        name="intent"
                        value={`down:${i}`}
                        className="button small"
                        disabled={i === draft.rules.length - 1}
                        onClick={onIntent}
                        aria-label={`Move rule ${i + 1} down`}
                      >
                        ↓ Down
                      </button>
                      <button type="submit" name="intent" value={`remove:${i}`} className="button small danger" onClick={onIntent} aria-label={`Remove rule ${i + 1}`}>
                        Remove
                      </button>
                    </div>
                    <FieldMessages id={`rule-${i}-type`} errors={errors.filter((e) => e.path === `rules[${i}]` || e.path === `rules[${i}].type`)} />
                    <div className="rule-fields">
                      {spec?.fields.map((f) => (
                        <RuleField key={f.name} index={i} spec={f} value={rule[f.name]} model={model} errors={errors} warnings={warnings} />
                      ))}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <fieldset className="add-rule">
            <legend>Add a rule</legend>
            {families.map((f) => (
              <div key={f.family} className={`add-family family-${f.family}`} role="group" aria-labelledby={`add-${f.family}`}>
                <p id={`add-${f.family}`} className="add-family-label">
                  {f.label}
                </p>
                {f.types.map((t) => (
                  <button key={t.type} type="submit" name="intent" value={`add:${t.type}`} className="button small secondary" onClick={onIntent}>
                    + {t.title}
                  </button>
                ))}
              </div>
            ))}
          </fieldset>
        </section>

        <fieldset className="builder-section save-panel" id="save-panel">
          <legend>
            <h2>Save</h2>
          </legend>
          <div className="field-row">
            <TextField
              name="versionAuthor"
              label="Who is saving"
              value={props.author}
              errors={metaError("author")}
              maxLength={props.limits.author}
              help={`A name or label shown in the history. One line, at most ${formatNumber(props.limits.author)} characters.`}
            />
            <TextField
              name="versionNote"
              label="Note"
              value={props.note}
              errors={metaError("note")}
              maxLength={props.limits.note}
              multiline
              rows={2}
              help={`What this version changes and why. At most ${formatNumber(props.limits.note)} characters.`}
            />
          </div>
          <p className="help">Saving stores a new version; nothing saved before is changed. Invalid drafts are not stored.</p>
          <button type="submit" name="intent" value="save" className="button primary">
            {props.saveLabel}
          </button>
        </fieldset>
      </Form>

      <aside className="builder-preview" aria-labelledby="preview-heading" tabIndex={0} data-testid="preview" data-state={preview ? "ok" : "invalid"}>
        <h2 id="preview-heading">Preview{hydrated ? " (live)" : ""}</h2>
        {preview ? (
          <>
            {/* The evaluation time is for developers (an attribute), not a figure for the people building a scenario. */}
            <p className="help" data-testid="preview-status" data-ms={hydrated ? preview.ms.toFixed(0) : undefined}>
              The draft's result against the baseline model{hydrated ? ", updated as you type" : ""}.
            </p>
            <HeadlineTable id="preview-headline" headline={preview.result.headline} caption="Headline figures" />
            <ServicesTable id="preview-services" services={preview.result.services} caption="Alipay's services" />
          </>
        ) : (
          <div className="preview-invalid" data-testid="preview-status">
            <p>
              {showErrors || touched.size > 0
                ? `The preview appears when the draft is valid. ${all.length === 1 ? "1 problem" : `${all.length} problems`} to fix:`
                : "The preview appears here once the draft has a title, a summary, a date, a source and a rule."}
            </p>
            {!check.ok && (showErrors || touched.size > 0) ? (
              <ul>
                {check.errors.slice(0, 8).map((e) => (
                  <li key={e.path + e.message}>
                    <code>{e.path || "scenario"}</code> {e.message}
                  </li>
                ))}
                {check.errors.length > 8 ? <li>and {check.errors.length - 8} more</li> : null}
              </ul>
            ) : null}
          </div>
        )}
      </aside>
    </div>
  );
}
