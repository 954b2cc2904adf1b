/** The bar at the top of every page: the dashboard's name and its main views. */
import { Link, NavLink, useLocation } from "@remix-run/react";

import { ViewToggle } from "./RoomView";

export function AppHeader() {
  // "Share this view" carries the page's own address (with JavaScript, the what-if's current one): /share makes
  // its short link and QR code (decision 026).
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        Ant Group regulatory scenarios
      </Link>
      <nav aria-label="Main">
        <ul>
          <li>
            <NavLink to="/" end>
              Scenario library
            </NavLink>
          </li>
          <li>
            <NavLink to="/model" end>
              Baseline model
            </NavLink>
          </li>
          <li>
            <NavLink to="/history">Back-test</NavLink>
          </li>
          <li>
            <NavLink to="/model/about">About the model</NavLink>
          </li>
          <li>
            <NavLink to="/variants">Saved variants</NavLink>
          </li>
          <li>
            <NavLink to="/builder">New scenario</NavLink>
          </li>
          {location.pathname === "/share" ? null : (
            <li>
              <a href={`/share?to=${encodeURIComponent(here)}`} data-testid="share-view">
                Share this view
              </a>
            </li>
          )}
        </ul>
      </nav>
      <ViewToggle />
    </header>
  );
}
