import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
} from "@remix-run/react";
import type { ReactNode } from "react";

import { AppHeader } from "~/components/AppHeader";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { useNonce } from "~/components/NonceProvider";
import { RoomKeys } from "~/components/RoomView";
import appStyles from "~/styles/app.css";
import roomStyles from "~/styles/room.css";
import { parseView } from "~/utils/view";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.ico", sizes: "any" },
  { rel: "stylesheet", href: appStyles },
  { rel: "stylesheet", href: roomStyles },
];

export const meta: MetaFunction = () => [
  { title: "Ant Group regulatory scenarios" },
  { name: "description", content: "Regulatory scenarios applied to a model of Ant Group as it stood in mid-2020." },
];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // The room view (decision 025) is a property of the whole document, read from the URL on the server and in
  // the browser alike, so the first paint is already in the right view (no shift when JavaScript loads).
  const view = parseView(useLocation().search);
  return (
    <html lang="en" data-view={view.room ? "room" : undefined} data-theme={view.room && view.theme !== "auto" ? view.theme : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* No paint before the page's body is parsed (decision 041): Chromium's parser yields part-way through a large
            page when the machine is busy, and a half-parsed table beside a chart then wraps below it and back, a
            layout shift a reader sees. Other browsers ignore it. */}
        <link rel="expect" href="#page-end" {...{ blocking: "render" }} />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AppHeader />
        {children}
        <div id="page-end" hidden />
        <RoomKeys />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        {/* Reloads the page on rebuild under `npm run dev`; renders nothing in production. */}
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export { RouteErrorBoundary as ErrorBoundary };
