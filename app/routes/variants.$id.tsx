/**
 * /variants/:id: a saved variant. Its history (version, who, when, note), the changes between any two versions in
 * plain language (`?a=1&b=3`), restore (a POST that saves a new version equal to an old one), a YAML download of
 * every version, and the result of one version (`?v=2#result`) against the baseline. Reads fully without
 * JavaScript: the diff picker is a GET form and restore a POST form.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { compareSearch } from "~/components/compare/selection";
import { HeadlineTable, ServicesTable } from "~/components/builder/ResultTables";
import { formatWhen } from "~/components/builder/StalePanel";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { parseScenarioRef, scenarioRefHref } from "~/scenarios/ref";
import { yamlFileName } from "~/scenarios/to-yaml";
import { loadVariantPage, restoreAction } from "~/services/variant-pages.server";
import builderStyles from "~/styles/builder.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} (variant) · Ant Group regulatory scenarios` : "Variant · Ant Group regulatory scenarios" },
];

export function loader({ params, request }: LoaderFunctionArgs) {
  return loadVariantPage(params.id ?? "", new URL(request.url));
}

export async function action({ request, params }: ActionFunctionArgs) {
  return restoreAction(request, params.id ?? "");
}

export default function VariantPage() {
  const d = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const yamlUrl = (n: number) => `/api/variants/${d.id}/versions/${n}/yaml`;
  const forkRef = d.forkedFrom ? parseScenarioRef(d.forkedFrom) : null;
  // A variant version's history page; a library scenario's own page.
  const forkLink = forkRef?.ok
    ? forkRef.ref.kind === "variant"
      ? `/variants/${forkRef.ref.id}?v=${forkRef.ref.version}`
      : scenarioRefHref(forkRef.ref)
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
          {forkRef?.ok ? (
            <a
              href={`/compare${compareSearch([forkRef.ref, { kind: "variant", id: d.id, version: d.latest }])}`}
              className="button secondary"
              data-testid="variant-compare-original"
            >
              Compare with the original
            </a>
          ) : null}
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

export { RouteErrorBoundary as ErrorBoundary };
