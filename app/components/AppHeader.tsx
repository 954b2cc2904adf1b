/** The bar at the top of every page: the dashboard's name and its main views. */
import { Link, NavLink } from "@remix-run/react";

import { ViewToggle } from "./RoomView";

export function AppHeader() {
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
        </ul>
      </nav>
      <ViewToggle />
    </header>
  );
}
