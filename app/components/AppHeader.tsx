/** The bar at the top of every page: the dashboard's name and its main views. */
import { Link, NavLink } from "@remix-run/react";

export function AppHeader() {
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        Ant Group regulatory scenarios
      </Link>
      <nav aria-label="Main">
        <ul>
          <li>
            <NavLink to="/model">Baseline model</NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
