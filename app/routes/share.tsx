/**
 * /share?to=<path and query>: a short link and a QR code for the state of a page (issue 13 §6, decision 026), so a
 * room opens the same view on their laptops. Every page's header links here with its own address. Without
 * JavaScript: the form makes the link (POST), the page shows it with a server-drawn QR code.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { loadShare, shareAction, type ShareData } from "~/services/share.server";

export const meta: MetaFunction = () => [{ title: "Share this view · Ant Group regulatory scenarios" }];

export function loader({ request }: LoaderFunctionArgs) {
  return loadShare(new URL(request.url));
}

export function action({ request }: ActionFunctionArgs) {
  return shareAction(request);
}

export default function SharePage() {
  const loaded = useLoaderData<typeof loader>() as ShareData;
  const posted = useActionData<typeof action>() as ShareData | undefined;
  const d = posted ?? loaded;
  return (
    <main id="main" className="page share-page">
      <header className="page-header">
        <h1>Share this view</h1>
        <p className="lede">
          A short link opens exactly this view (its what-if values, compared columns, version and room mode) on any
          laptop in the room; the QR code holds the same link.
        </p>
      </header>
      {d.error ? (
        <div className="problem-box" role="alert" data-testid="share-error">
          <p>{d.error}</p>
        </div>
      ) : null}
      {d.target ? (
        <section aria-labelledby="share-state">
          <h2 id="share-state">The view</h2>
          <p>
            <a href={d.target} data-testid="share-target" className="share-target">
              {d.target}
            </a>
          </p>
          {d.link ? (
            <div className="share-link" data-testid="share-link">
              <h2>Its short link</h2>
              <p className="share-url">
                <a href={`/s/${d.link.code}`} data-testid="short-link">
                  {d.link.url}
                </a>
              </p>
              <figure className="share-qr" role="img" aria-label={`QR code for ${d.link.url}`} data-testid="share-qr">
                <div dangerouslySetInnerHTML={{ __html: d.link.qrSvg }} />
                <figcaption>Scan to open this view: {d.link.url}</figcaption>
              </figure>
            </div>
          ) : (
            <Form method="post" className="share-form">
              <input type="hidden" name="to" value={d.target} />
              <button type="submit" className="button" data-testid="make-short-link">
                Make a short link and QR code
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
