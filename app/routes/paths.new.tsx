/**
 * /paths/new: stack scenarios into a path and save it (decision 024). Reached from the library's compare form
 * ("Stack as a path") and from /compare ("Stack these as a path") with the ticked columns as `s=`, or from a
 * saved path (`from=saved.…`) to save its next version. Each item has a date; items of one date are one step.
 * A plain POST form: "Check" shows the problems (conflicts within a step name both rules), "Save path" stores
 * it and opens it at /paths/saved.…; works without JavaScript.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { loadPathBuilder, pathBuilderAction, type PathBuilderData } from "~/services/path-builder.server";
import compareStyles from "~/styles/compare.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: compareStyles }];

export const meta: MetaFunction = () => [{ title: "Stack scenarios into a path · Ant Group regulatory scenarios" }];

export function loader({ request }: LoaderFunctionArgs) {
  return loadPathBuilder(new URL(request.url));
}

export function action({ request }: ActionFunctionArgs) {
  return pathBuilderAction(request);
}

export default function PathBuilderPage() {
  const loaded = useLoaderData<typeof loader>() as PathBuilderData;
  const posted = useActionData<typeof action>() as PathBuilderData | undefined;
  const d = posted ?? loaded;
  const { draft } = d;
  return (
    <main id="main" className="page path-builder">
      <header className="page-header">
        <p className="crumbs">
          <a href="/paths">Paths</a>
        </p>
        <h1>{draft.base ? `Change saved path ${draft.base.id}` : "Stack scenarios into a path"}</h1>
        <p className="lede">
          A path applies its steps one after another, each on the previous one&apos;s result: a later rule of the same type on
          the same unit replaces the earlier one, an event (a spin-off, a fine, …) adds to it. Give each scenario its date;
          scenarios of one date are one step. A scenario with what-if values, or a saved variant, brings its own rules (one
          such a step).
        </p>
      </header>
      {d.formError ? (
        <div className="problem-box" role="alert" aria-labelledby="path-problems">
          <h2 id="path-problems" className="library-heading">
            {d.formError}
          </h2>
          {d.errors.length > 0 ? (
            <ul>
              {d.errors.map((e, i) => (
                <li key={i} data-problem>
                  {e.path ? <code>{e.path}</code> : null} {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form method="post" className="path-builder-form">
        {draft.base ? (
          <>
            <input type="hidden" name="baseId" value={draft.base.id} />
            <input type="hidden" name="baseVersion" value={draft.base.version} />
          </>
        ) : null}
        <div className="table-wrap">
          <table className="data-table" id="path-items">
            <caption>What the path stacks, with the date each takes effect ({draft.items.length} of at most {d.maxItems})</caption>
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Date (YYYY-MM-DD or YYYY-MM)</th>
                <th scope="col">Leave out</th>
              </tr>
            </thead>
            <tbody>
              {draft.items.map((item, i) => (
                <tr key={`${i}-${item.source}`} data-row-id={item.source.startsWith("step:") ? `kept-${i}` : item.source}>
                  <th scope="row" className="wrap">
                    <input type="hidden" name={`item.${i}`} value={item.source} />
                    {item.title}
                    {item.source.startsWith("step:") ? null : <span className="sub">{item.source}</span>}
                  </th>
                  <td>
                    <input type="text" name={`date.${i}`} defaultValue={item.date} aria-label={`Date of ${item.title}`} pattern="\d{4}-\d{2}(-\d{2})?" size={11} />
                  </td>
                  <td>
                    <input type="checkbox" name={`drop.${i}`} aria-label={`Leave out ${item.title}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <fieldset className="path-add">
          <legend>Add a library scenario</legend>
          <label>
            Scenario{" "}
            <select name="add.scenario" defaultValue="">
              <option value="">(none)</option>
              {d.library.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} ({s.date})
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            on{" "}
            <input type="text" name="add.date" placeholder="2022-01" pattern="\d{4}-\d{2}(-\d{2})?" size={11} />
          </label>
          <span className="sub">Without a date it takes its own; choose Check to see the steps.</span>
        </fieldset>
        <p>
          <label>
            Title
            <br />
            <input type="text" name="title" defaultValue={draft.title} required maxLength={200} size={70} />
          </label>
        </p>
        <p>
          <label>
            Summary
            <br />
            <textarea name="summary" defaultValue={draft.summary} required maxLength={4000} rows={3} cols={70} />
          </label>
        </p>
        <p>
          <label>
            Two rules of one type on the same unit in one step{" "}
            <select name="conflicts" defaultValue={draft.conflicts}>
              <option value="error">are an error (shown with both rules)</option>
              <option value="later-wins">the later listed replaces the other</option>
              <option value="combine">both apply</option>
            </select>
          </label>
        </p>
        <p>
          <label>
            Who is saving (optional) <input type="text" name="author" defaultValue={draft.author} maxLength={80} />
          </label>{" "}
          <label>
            Note (optional) <input type="text" name="note" defaultValue={draft.note} maxLength={500} size={40} />
          </label>
        </p>
        <p className="compare-actions">
          <button type="submit" name="intent" value="check" className="button button-secondary">
            Check
          </button>
          <button type="submit" name="intent" value="save" className="button-primary">
            {draft.base ? `Save as version ${draft.base.version + 1}` : "Save path"}
          </button>
        </p>
      </form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
