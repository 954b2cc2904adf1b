/**
 * /paths: the path files (`scenarios/paths/*.yaml`, ids like `what-happened`) and the paths saved from the
 * browser (ids `saved.<name>`, latest first, at most 50), each opening as a timeline at /paths/<id>.
 */
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { throwErrorPage } from "~/services/errors.server";
import { loadPathsIndex } from "~/services/paths.server";
import historyStyles from "~/styles/history.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: historyStyles }];

export const meta: MetaFunction = () => [{ title: "Paths · Ant Group regulatory scenarios" }];

export function loader() {
  try {
    return loadPathsIndex();
  } catch (error) {
    throwErrorPage(error, "paths");
  }
}

export default function PathsIndex() {
  const d = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page paths-index">
      <header className="page-header">
        <h1>Paths</h1>
        <p className="lede">
          A path applies scenarios one after another, each on the previous step&apos;s result, and shows the figures step
          by step with their 80% ranges. <Link to="/paths/new">Stack scenarios into a path</Link>, or tick scenarios in
          the <Link to="/">library</Link> and choose <strong>Stack as a path</strong>.
        </p>
      </header>
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Path files</h2>
        <ul id="path-files">
          {d.files.map((p) => (
            <li key={p.id} data-path={p.id}>
              {p.ok ? (
                <>
                  <Link to={`/paths/${p.id}`}>{p.title}</Link> (<code>{p.id}</code>, {p.steps} steps, {p.first} to {p.last})
                </>
              ) : (
                <>
                  <code>{p.file}</code> has {p.errors} {p.errors === 1 ? "error" : "errors"}: run <code>npm run scenarios -- check</code>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="saved-heading">
        <h2 id="saved-heading">Saved paths</h2>
        {d.saved.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul id="saved-paths">
            {d.saved.map((p) => (
              <li key={p.id} data-path={p.id}>
                <Link to={`/paths/${p.id}`}>{p.title}</Link> (<code>{p.id}</code>, version {p.latestVersion}, saved{" "}
                {p.updatedAt.slice(0, 16).replace("T", " ")} UTC)
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
