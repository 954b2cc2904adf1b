/**
 * One form control per kind of schema field (schema-fields.ts): a label, the control, help text from the schema
 * (`.describe()`, bounds, unit) and the errors at the field's path, tied together with aria-describedby.
 * Controls are uncontrolled (defaultValue): the form is read as a whole (decodeForm) on every change, so the same
 * markup works posted without JavaScript and live with it.
 */
import type { ReactNode } from "react";

import type { Model } from "~/engine/model";
import { GROUP_ID } from "~/scenarios/references";
import { formatNumber, formatRange, toInputNumber } from "~/utils/format";

import { errorsAt, paramPartName, ruleFieldName, type DraftError } from "./draft";
import { unitText, type FieldSpec, type ReferenceSource } from "./schema-fields";

/** An element id for a form name: `rules[0].consentRate` -> `f-rules-0-consentRate`. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[[\].]+/g, "-").replace(/-+$/, "")}`;
}

/** A field's errors and warnings; a message about a part of the field (`[1]`, `.low`) names the part. */
export function FieldMessages({ id, errors, warnings, path }: { id: string; errors: DraftError[]; warnings?: DraftError[]; path?: string }) {
  const part = (p: string) => (path && p !== path && p.startsWith(path) ? <code>{p.slice(path.length).replace(/^\./, "")}</code> : null);
  if (errors.length === 0 && (!warnings || warnings.length === 0)) return null;
  return (
    <div id={`${id}-msg`} className="field-messages">
      {errors.map((e) => (
        <p key={`${e.path}|${e.message}`} className="field-error" data-path={e.path}>
          <span aria-hidden="true">✖ </span>
          {part(e.path)} {e.message}
        </p>
      ))}
      {(warnings ?? []).map((w) => (
        <p key={`${w.path}|${w.message}`} className="field-warning" data-path={w.path}>
          <span aria-hidden="true">⚠ </span>
          Warning: {part(w.path)} {w.message}
        </p>
      ))}
    </div>
  );
}

/** aria-describedby for a control with help text and, maybe, messages. */
function describedBy(id: string, help: boolean, messages: boolean): string | undefined {
  const ids = [help ? `${id}-help` : "", messages ? `${id}-msg` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A labelled text field. */
export function TextField({
  name,
  label,
  help,
  value,
  errors,
  multiline = false,
  maxLength,
  required = false,
  rows = 3,
  extra,
}: {
  name: string;
  label: ReactNode;
  help?: ReactNode;
  value: string;
  errors: DraftError[];
  multiline?: boolean;
  maxLength?: number | null;
  required?: boolean;
  rows?: number;
  extra?: ReactNode;
}) {
  const id = fieldId(name);
  const common = {
    id,
    name,
    defaultValue: value,
    maxLength: maxLength ?? undefined,
    "aria-invalid": errors.length > 0 ? true : undefined,
    "aria-describedby": describedBy(id, Boolean(help), errors.length > 0),
    "aria-required": required || undefined,
  };
  return (
    <div className={`field${errors.length > 0 ? " has-error" : ""}`} data-field-path={name}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> (optional)</span>}
      </label>
      {multiline ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />}
      {help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
      {extra}
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

type Option = { value: string; label: string; group?: string };

/** The model's ids for a reference field, with display names. */
export function referenceOptions(model: Model, source: ReferenceSource, allowGroup = false): Option[] {
  switch (source) {
    case "units":
      return [
        ...model.units.map((u) => ({ value: u.id, label: u.name })),
        ...(allowGroup ? [{ value: GROUP_ID, label: "The holding company (group)" }] : []),
      ];
    case "services":
      return model.services.map((s) => ({ value: s.id, label: s.name }));
    case "markets":
      return model.markets.map((m) => ({ value: m.id, label: m.name }));
    case "players":
      return model.marketPlayers.map((p) => ({
        value: p.playerId,
        label: p.name,
        group: model.markets.find((m) => m.id === p.marketId)?.name ?? p.marketId,
      }));
  }
}

/** Players appear in several markets; a select lists each id once, grouped under its first market. */
function uniqueOptions(options: Option[]): Option[] {
  const seen = new Set<string>();
  return options.filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
}

/** The schema's description as a sentence, then any extra sentence. */
function help(spec: FieldSpec, extra = ""): string {
  const d = spec.description && !/[.!?)]$/.test(spec.description) ? `${spec.description}.` : spec.description;
  return [d, extra].filter(Boolean).join(" ");
}

/** A rule's field, by kind. `value` is the draft's value at the field. */
export function RuleField({
  index,
  spec,
  value,
  model,
  errors,
  warnings,
}: {
  index: number;
  spec: FieldSpec;
  value: unknown;
  model: Model;
  errors: DraftError[];
  warnings: DraftError[];
}) {
  const name = ruleFieldName(index, spec.name);
  const id = fieldId(name);
  const mine = errorsAt(errors, name);
  const myWarnings = errorsAt(warnings, name);
  const hasMsg = mine.length > 0 || myWarnings.length > 0;
  const invalid = mine.length > 0 ? true : undefined;
  const optional = spec.optional ? <span className="optional"> (optional)</span> : null;
  const cls = `field field-${spec.kind}${mine.length > 0 ? " has-error" : ""}`;

  switch (spec.kind) {
    case "text": {
      const helpText =
        spec.name === "id"
          ? help(spec, "Lower-case letters, digits and dashes.")
          : help(spec, spec.maxLength ? `At most ${formatNumber(spec.maxLength)} characters.` : "");
      return (
        <TextField
          name={name}
          label={spec.label}
          help={helpText}
          value={typeof value === "string" ? value : ""}
          errors={mine}
          multiline={spec.multiline}
          maxLength={spec.maxLength}
          required={!spec.optional}
          rows={3}
        />
      );
    }
    case "param": {
      const range = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
      // A share is typed as the percentage it reads as (30 for 0.3); text being typed stays as it is.
      const shown = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "number" ? String(toInputNumber(v, spec.format)) : String(v));
      const v = range ? shown(range.value) : shown(value);
      const unit = unitText(spec);
      const bounds = `Allowed: ${formatRange(spec.min, spec.max, spec.unit, spec.format)}${spec.format === "percent" ? " (type 30 for 30%)" : ""}.`;
      const part = (p: "value" | "low" | "high", label: string, val: string) => {
        const pname = paramPartName(index, spec.name, p);
        return (
          <span className={`param-part param-${p}`}>
            <label htmlFor={fieldId(pname)}>{label}</label>
            <input
              id={fieldId(pname)}
              name={pname}
              type="number"
              inputMode="decimal"
              step="any"
              min={toInputNumber(spec.min, spec.format)}
              max={toInputNumber(spec.max, spec.format)}
              defaultValue={val}
              aria-invalid={invalid}
              aria-describedby={describedBy(id, true, hasMsg)}
            />
          </span>
        );
      };
      return (
        <fieldset className={cls} data-field-path={name}>
          <legend>
            {spec.label}
            {unit ? <span className="unit"> · {unit}</span> : null}
            {optional}
          </legend>
          <div className="param-parts">
            {part("value", "Value", v)}
            {part("low", "Low (optional)", range ? shown(range.low) : "")}
            {part("high", "High (optional)", range ? shown(range.high) : "")}
          </div>
          <p id={`${id}-help`} className="help">
            {help(spec, bounds)} Give low and high for a range an uncertainty analysis may move within
            {spec.optional ? "; leave all three empty for the model's default" : ""}.
          </p>
          <FieldMessages id={id} errors={mine} warnings={myWarnings} path={name} />
        </fieldset>
      );
    }
    case "reference-list":
    case "enum-list":
    case "all-or-list": {
      const options: Option[] =
        spec.kind === "reference-list"
          ? referenceOptions(model, spec.source, spec.allowGroup)
          : spec.options.map((o) => ({ value: o, label: o }));
      const chosen = value === "all" ? ["all"] : Array.isArray(value) ? (value as string[]) : [];
      const helpText =
        spec.kind === "all-or-list"
          ? help(spec, "Tick “all”, or the ones removed.")
          : help(spec, spec.optional ? "Tick none for any." : "Tick at least one.");
      return (
        <fieldset className={cls} data-field-path={name} aria-describedby={describedBy(id, true, hasMsg)}>
          <legend>
            {spec.label}
            {optional}
          </legend>
          <div className="choices">
            {spec.kind === "all-or-list" ? (
              <label className="choice">
                <input type="checkbox" name={name} value="all" defaultChecked={chosen.includes("all")} aria-invalid={invalid} /> all
              </label>
            ) : null}
            {options.map((o) => (
              <label key={o.value} className="choice">
                <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.includes(o.value)} aria-invalid={invalid} />{" "}
                {o.label}
                {o.label !== o.value ? <code className="choice-id">{o.value}</code> : null}
              </label>
            ))}
          </div>
          <p id={`${id}-help`} className="help">
            {helpText}
          </p>
          <FieldMessages id={id} errors={mine} warnings={myWarnings} path={name} />
        </fieldset>
      );
    }
    case "reference":
    case "enum": {
      const options: Option[] =
        spec.kind === "reference" ? uniqueOptions(referenceOptions(model, spec.source)) : spec.options.map((o) => ({ value: o, label: o }));
      const groups = [...new Set(options.map((o) => o.group ?? ""))];
      const render = (list: Option[]) =>
        list.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label === o.value ? o.value : `${o.label} (${o.value})`}
          </option>
        ));
      return (
        <div className={cls} data-field-path={name}>
          <label htmlFor={id}>
            {spec.label}
            {optional}
          </label>
          <select
            id={id}
            name={name}
            defaultValue={typeof value === "string" ? value : ""}
            aria-invalid={invalid}
            aria-describedby={describedBy(id, Boolean(spec.description), hasMsg)}
          >
            <option value="">Choose…</option>
            {groups.length > 1 || groups[0] !== ""
              ? groups.map((g) => (
                  <optgroup key={g} label={g}>
                    {render(options.filter((o) => (o.group ?? "") === g))}
                  </optgroup>
                ))
              : render(options)}
          </select>
          {spec.description ? (
            <p id={`${id}-help`} className="help">
              {spec.description}
            </p>
          ) : null}
          <FieldMessages id={id} errors={mine} warnings={myWarnings} path={name} />
        </div>
      );
    }
    case "boolean":
      return (
        <div className={cls} data-field-path={name}>
          <label className="choice" htmlFor={id}>
            <input
              id={id}
              type="checkbox"
              name={name}
              value="true"
              defaultChecked={value === true}
              aria-describedby={describedBy(id, Boolean(spec.description), hasMsg)}
            />{" "}
            {spec.label}
          </label>
          {spec.description ? (
            <p id={`${id}-help`} className="help">
              {spec.description} (default: {spec.defaultValue ? "yes" : "no"})
            </p>
          ) : null}
          <FieldMessages id={id} errors={mine} warnings={myWarnings} path={name} />
        </div>
      );
  }
}
