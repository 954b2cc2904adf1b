/**
 * /variants/:id: a saved variant. Its history (version, who, when, note), the changes between any two versions in
 * plain language (`?a=1&b=3`), restore (a POST that saves a new version equal to an old one), a YAML download of
 * every version, and the result of one version (`?v=2#result`) against the baseline. Reads fully without
 * JavaScript: the diff picker is a GET form and restore a POST form.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";

import { readForm } from "~/services/builder.server";
import { HeadlineTable, ServicesTable } from "~/components/builder/ResultTables";
import { formatWhen } from "~/components/builder/StalePanel";
import { databaseUnavailable, ErrorPage, type ErrorPayload } from "~/components/shared/ErrorPage";
import { evaluate } from "~/engine";
import { getModel } from "~/data/model.server";
import {
  DatabaseBusyError,
  DatabaseReadOnlyError,
  getVariant,
  getVersion,
  isVariantId,
  listVersions,
  restoreVersion,
  StaleVersionError,
  StoredDefinitionError,
  ValidationError,
  variantAsScenario,
  VariantNotFoundError,
} from "~/data/variant.server";
import { describeRule } from "~/scenarios/describe-rule";
import { describeChanges, diffScenarios } from "~/scenarios/diff";
import { ruleIdOf } from "~/scenarios/ids";
import { yamlFileName } from "~/scenarios/to-yaml";
import builderStyles from "~/styles/builder.css";
import { DatabaseUnavailableError } from "~/utils/db.server";
import { takeSave, tooManySavesMessage } from "~/utils/rate-limit.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} (variant) · Ant Group regulatory scenarios` : "Variant · Ant Group regulatory scenarios" },
];

function notFound(message: string): never {
  throw data({ title: "Variant not found", message, hint: "The saved variants are listed at /variants." } satisfies ErrorPayload, { status: 404 });
}

/** A version number from the URL: valid and existing, else the fallback (and a note saying so). */
function versionParam(raw: string | null, latest: number, fallback: number, name: string, notes: string[]): number {
  if (raw === null || raw === "") return fallback;
  if (/^[1-9]\d{0,8}$/.test(raw) && Number(raw) <= latest) return Number(raw);
  notes.push(`'${name}' must be a version from 1 to ${latest}, got '${raw.slice(0, 20)}'; version ${fallback} is shown.`);
  return fallback;
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!isVariantId(id)) notFound(`'${id.slice(0, 80)}' is not a variant id: ids are lower-case letters, digits and dashes.`);
  try {
    const variant = getVariant({ id });
    const versions = variant && listVersions({ id });
    if (!variant || !versions) notFound(`There is no saved variant '${id}'.`);
    const latest = variant.latestVersion;
    const url = new URL(request.url);
    const notes: string[] = [];
    const v = versionParam(url.searchParams.get("v"), latest, latest, "v", notes);
    const a = versionParam(url.searchParams.get("a"), latest, Math.max(1, latest - 1), "a", notes);
    const b = versionParam(url.searchParams.get("b"), latest, latest, "b", notes);
    const va = getVersion({ id, version: a })!;
    const vb = getVersion({ id, version: b })!;
    const selected = getVersion({ id, version: v })!;
    const model = getModel();
    let result = null;
    let resultError: string | null = null;
    try {
      const scenario = variantAsScenario({ id, version: v });
      if (scenario) result = evaluate(model, scenario);
    } catch (e) {
      if (!(e instanceof StoredDefinitionError)) throw e;
      resultError = e.message;
    }
    const names = new Map<string, string>([
      ...model.units.map((u) => [u.id, u.name] as const),
      ...model.services.map((s) => [s.id, s.name] as const),
      ...model.markets.map((m) => [m.id, m.name] as const),
      ...model.marketPlayers.map((p) => [p.playerId, p.name] as const),
    ]);
    const saved = url.searchParams.get("saved");
    return {
      id,
      title: versions[versions.length - 1]!.title,
      createdAt: variant.createdAt,
      forkedFrom: variant.forkedFrom,
      latest,
      versions,
      notes,
      saved: saved !== null && /^[1-9]\d{0,8}$/.test(saved) && Number(saved) <= latest ? Number(saved) : null,
      diff: { a, b, changes: describeChanges(diffScenarios(va.definition, vb.definition)) },
      selected: {
        version: v,
        title: selected.definition.title,
        summary: selected.definition.summary,
        date: selected.definition.date,
        hypothetical: selected.definition.hypothetical ?? false,
        rules: selected.definition.rules.map((r, i) => ({ id: ruleIdOf(r, i), label: r.label, text: describeRule(r, (x) => names.get(x)) })),
        headline: result?.headline ?? null,
        services: result?.services ?? [],
        warnings: result?.warnings.map((w) => w.text) ?? [],
        error: resultError,
      },
    };
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof DatabaseBusyError)
      throw data(databaseUnavailable(error.message), { status: 503 });
    throw error;
  }
}

/** POST intent=restore&version=n&baseVersion=m: a new version equal to version n, if m is still the latest. */
export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.id ?? "";
  if (!isVariantId(id)) notFound(`'${id.slice(0, 80)}' is not a variant id.`);
  const form = await readForm(request);
  if (form.get("intent") !== "restore") return data({ error: "Unknown action; nothing was saved." }, { status: 400 });
  const rawVersion = form.get("version") ?? "";
  if (!/^[1-9]\d{0,8}$/.test(rawVersion))
    return data(
      { error: `Not restored: the version to restore must be a version number (1, 2, ...), got '${rawVersion.slice(0, 40)}'; nothing was saved.` },
      { status: 400 },
    );
  const version = Number(rawVersion);
  const base = form.get("baseVersion") ?? "";
  const wait = takeSave(request);
  if (wait > 0) return data({ error: tooManySavesMessage(wait) }, { status: 429, headers: { "Retry-After": String(wait) } });
  try {
    const r = restoreVersion({
      id,
      version,
      baseVersion: /^\d{1,9}$/.test(base) ? Number(base) : base,
      author: form.get("versionAuthor") || undefined,
    });
    return redirect(`/variants/${id}?saved=${r.version}&v=${r.version}&a=${version}&b=${r.version}`);
  } catch (e) {
    if (e instanceof StaleVersionError)
      return data(
        { error: `Not restored: version ${e.latestVersion} was saved since this page was loaded (it showed version ${e.baseVersion} as the latest). Nothing was overwritten; the history below is now up to date — restore again if you still want to.` },
        { status: 409 },
      );
    if (e instanceof VariantNotFoundError) return data({ error: `${e.message}; nothing was saved.` }, { status: 404 });
    if (e instanceof ValidationError) return data({ error: `${e.summary}: ${e.errors.map((x) => `${x.path}: ${x.message}`).join("; ")}` }, { status: 400 });
    if (e instanceof DatabaseBusyError || e instanceof DatabaseReadOnlyError) return data({ error: e.message }, { status: 503 });
    throw e;
  }
}

export default function VariantPage() {
  const d = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const yamlUrl = (n: number) => `/api/variants/${d.id}/versions/${n}/yaml`;
  const forkLink = d.forkedFrom
    ? d.forkedFrom.includes("@")
      ? `/variants/${d.forkedFrom.split("@")[0]}?v=${d.forkedFrom.split("@")[1]}`
      : `/scenarios/${d.forkedFrom}`
    : null;
  const s = d.selected;

  return (
    <main id="main" className="page wb variant-page">
      <header className="page-header">
        <p className="breadcrumbs">
          <Link to="/variants">Saved variants</Link> / {d.title}
        </p>
        <h1 data-testid="variant-title">{d.title}</h1>
        <p className="lede">
          <span className="badge">Variant</span> <code>{d.id}</code> · {d.latest === 1 ? "1 version" : `${d.latest} versions`} · created{" "}
          {formatWhen(d.createdAt)}
          {forkLink ? (
            <>
              {" "}
              · forked from <Link to={forkLink}>{d.forkedFrom}</Link>
            </>
          ) : null}
        </p>
        <p className="page-actions">
          <Link to={`/variants/${d.id}/edit`} className="button primary">
            Edit (saves version {d.latest + 1})
          </Link>
          <Link to={`/scenarios/${d.id}?v=${d.latest}`} className="button secondary" data-testid="variant-in-depth">
            Charts and what-if (version {d.latest})
          </Link>
          <Link to={`/builder?fork=${d.id}@${d.latest}`} className="button secondary">
            Fork into a new variant
          </Link>
          <a href={yamlUrl(d.latest)} download={yamlFileName(d.id, d.latest)} className="button secondary">
            Download YAML (version {d.latest}, the latest)
          </a>
        </p>
      </header>

      {d.saved ? (
        <p className="notice" role="status" data-testid="saved-notice">
          Saved as version {d.saved}.
        </p>
      ) : null}
      {posted && "error" in posted ? (
        <p className="form-alert" role="alert" data-testid="restore-error">
          {posted.error}
        </p>
      ) : null}
      {d.notes.length > 0 ? (
        <div className="form-alert" role="alert">
          {d.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      ) : null}

      <div className="variant-layout">
        <section className="section" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <p className="help">Every save is a new version; nothing is overwritten. Restore saves a new version equal to an old one.</p>
          <div className="table-wrap">
            <table className="data-table history-table" id="history-table">
              <caption className="visually-hidden">Versions of this variant, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Who</th>
                  <th scope="col">When</th>
                  <th scope="col">Note</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {d.versions.map((ver) => (
                  <tr key={ver.version} data-row-id={ver.version} className={ver.version === s.version ? "selected" : undefined}>
                    <th scope="row" data-field="version">
                      {ver.version}
                      {ver.version === d.latest ? <span className="sub">latest</span> : null}
                      {ver.title !== d.title ? <span className="sub">“{ver.title}”</span> : null}
                    </th>
                    <td data-field="author">{ver.author ?? <span className="muted">—</span>}</td>
                    <td data-field="when" className="nowrap">
                      {formatWhen(ver.createdAt)}
                    </td>
                    <td data-field="note" className="wrap">
                      {ver.note ?? <span className="muted">—</span>}
                      {ver.restoredFrom ? <span className="sub">restored from version {ver.restoredFrom}</span> : null}
                    </td>
                    <td data-field="actions">
                      <div className="actions">
                      <Link to={`/variants/${d.id}?v=${ver.version}#result`} aria-label={`Result of version ${ver.version}`}>
                        Result
                      </Link>
                      <a href={yamlUrl(ver.version)} download={yamlFileName(d.id, ver.version)} aria-label={`Download version ${ver.version} as YAML`}>
                        YAML
                      </a>
                      <a href={`/scenarios/${d.id}/export/result.csv?v=${ver.version}`} aria-label={`Download the result of version ${ver.version} as CSV`}>
                        CSV
                      </a>
                      <a href={`/present/${d.id}?v=${ver.version}`} aria-label={`Present version ${ver.version} as slides`}>
                        Present
                      </a>
                      <a href={`/builder?fork=${d.id}@${ver.version}`} aria-label={`Fork version ${ver.version} in the builder`}>
                        Fork
                      </a>
                      {ver.version !== d.latest ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="restore" />
                          <input type="hidden" name="version" value={ver.version} />
                          <input type="hidden" name="baseVersion" value={d.latest} />
                          <button type="submit" className="button small" disabled={busy} aria-label={`Restore version ${ver.version}`}>
                            Restore
                          </button>
                        </Form>
                      ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section className="section" aria-labelledby="diff-heading" id="diff">
          <h2 id="diff-heading">What changed</h2>
          <Form method="get" className="diff-form" preventScrollReset>
            <input type="hidden" name="v" value={s.version} />
            <label htmlFor="diff-a">From version</label>
            <select id="diff-a" name="a" defaultValue={d.diff.a} key={`a${d.diff.a}`}>
              {d.versions.map((ver) => (
                <option key={ver.version} value={ver.version}>
                  {ver.version}
                </option>
              ))}
            </select>
            <label htmlFor="diff-b">to version</label>
            <select id="diff-b" name="b" defaultValue={d.diff.b} key={`b${d.diff.b}`}>
              {d.versions.map((ver) => (
                <option key={ver.version} value={ver.version}>
                  {ver.version}
                </option>
              ))}
            </select>
            <button type="submit" className="button small secondary">
              Compare
            </button>
          </Form>
          <p className="diff-caption">
            {d.latest === 1 ? "Only one version so far: edit or restore to make more." : `From version ${d.diff.a} to version ${d.diff.b}:`}
          </p>
          <ul className="change-list" data-testid="diff-changes">
            {d.diff.changes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </section>
      </div>

      <section className="section" aria-labelledby="result-heading" id="result" data-testid="variant-result" data-version={s.version}>
        <h2 id="result-heading">
          Result of version {s.version}
          {s.version === d.latest ? " (the latest)" : ""}
        </h2>
        <p className="lede">
          {s.summary} <span className="muted">({s.date}{s.hypothetical ? ", hypothetical" : ""})</span>
        </p>
        <p>
          <Link to={`/scenarios/${d.id}?v=${s.version}`}>Version {s.version} in depth</Link>: every chart, the waterfall per
          rule and a live what-if, as for a library scenario.
        </p>
        {s.error ? (
          <p className="form-alert" role="alert">
            {s.error}
          </p>
        ) : null}
        <div className="result-grid">
          <div>
            {s.headline ? <HeadlineTable id="variant-headline" headline={s.headline} caption={`Headline figures, version ${s.version}`} /> : null}
            <h3>Rules ({s.rules.length})</h3>
            <ol className="rule-summaries">
              {s.rules.map((r) => (
                <li key={r.id}>
                  <strong>{r.label}</strong> <code>{r.id}</code>
                  <br />
                  {r.text}
                </li>
              ))}
            </ol>
            {s.warnings.length > 0 ? (
              <>
                <h3>Warnings</h3>
                <ul>
                  {s.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          <div>{s.services.length > 0 ? <ServicesTable id="variant-services" services={s.services} caption={`Alipay's services, version ${s.version}`} /> : null}</div>
        </div>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return isRouteErrorResponse(error) ? <ErrorPage status={error.status} data={error.data} /> : <ErrorPage status={500} data={null} />;
}
