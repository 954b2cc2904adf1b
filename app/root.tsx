import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
} from "@remix-run/react";
import type { ReactNode } from "react";

import { AppHeader } from "~/components/AppHeader";
import { RouteErrorBoundary } from "~/components/common/ErrorPage";
import { useNonce } from "~/components/NonceProvider";
import appStyles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.ico", sizes: "any" },
  { rel: "stylesheet", href: appStyles },
];

export const meta: MetaFunction = () => [
  { title: "Ant Group regulatory scenarios" },
  { name: "description", content: "Regulatory scenarios applied to a model of Ant Group as it stood in mid-2020." },
];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AppHeader />
        {children}
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
