/**
 * The room view's controls (decision 025): the toggle in the header (plain links, so it works without
 * JavaScript), and with JavaScript the keys and the links that keep the view on client-side navigation.
 *
 * Keys (never while typing in a field): R switches between the desk and the room view; in the room view J or
 * Page Down moves to the next section, K or Page Up to the previous one, T cycles the theme (system, light, dark).
 */
import { useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { useEffect, useLayoutEffect, useRef } from "react";

import { hrefWithView, linkForView, parseView, searchWithView, type Theme, type ViewState } from "~/utils/view";

const THEMES: Array<{ theme: Theme; label: string }> = [
  { theme: "auto", label: "System" },
  { theme: "light", label: "Light" },
  { theme: "dark", label: "Dark" },
];

/** The same page in another view. */
function viewHref(pathname: string, search: string, hash: string, view: ViewState): string {
  return `${pathname}${searchWithView(search, view)}${hash}`;
}

export function ViewToggle() {
  const { pathname, search, hash } = useLocation();
  const view = parseView(search);
  return (
    <div className="view-toggle" data-testid="view-toggle">
      {view.room ? (
        <>
          <a href={viewHref(pathname, search, hash, { room: false, theme: "auto" })} data-view-toggle="desk" aria-keyshortcuts="r">
            Desk view
          </a>
          <span className="theme-choice" role="group" aria-label="Room theme">
            {THEMES.map(({ theme, label }) => (
              <a
                key={theme}
                href={viewHref(pathname, search, hash, { room: true, theme })}
                data-view-toggle={`theme-${theme}`}
                aria-current={view.theme === theme ? "true" : undefined}
              >
                {label}
              </a>
            ))}
          </span>
        </>
      ) : (
        <a href={viewHref(pathname, search, hash, { room: true, theme: "auto" })} data-view-toggle="room" aria-keyshortcuts="r" title="Large charts and text for a projector (key: R)">
          Room view
        </a>
      )}
    </div>
  );
}

/** Whether a key press belongs to a field, a button or a slider rather than to the page. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** The page's top-level sections, in order: what J and K step through. */
function sections(): HTMLElement[] {
  const main = document.querySelector("main");
  if (!main) return [];
  return Array.from(main.querySelectorAll<HTMLElement>(".section, .room-step")).filter(
    (el) => !el.parentElement?.closest(".section, .room-step") && el.offsetParent !== null,
  );
}

/** Scrolls to the next (+1) or previous (−1) section and moves the focus to its heading. */
export function stepSection(direction: 1 | -1): HTMLElement | null {
  const all = sections();
  // A section counts as the current one once its top is within a few pixels of the top of the screen.
  const tops = all.map((el) => el.getBoundingClientRect().top);
  const target = direction === 1 ? all.find((_, i) => tops[i]! > 8) : [...all].reverse().find((_, i) => tops[all.length - 1 - i]! < -8);
  if (!target) return null;
  target.scrollIntoView({ block: "start" });
  const heading = target.querySelector<HTMLElement>("h1, h2, h3") ?? target;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
  return target;
}

const useIsomorphicLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/** One link in step with the view (the toggle's links name their view on purpose and are left as they are). */
function syncLink(el: Element, view: ViewState) {
  if (el.tagName !== "A" || el.hasAttribute("data-view-toggle")) return;
  const href = el.getAttribute("href");
  if (!href) return;
  const next = linkForView(href, view);
  if (next !== href) el.setAttribute("href", next);
}

/** Every link in `root` (and `root` itself) in step with the view. */
function syncLinks(root: ParentNode, view: ViewState) {
  if (root instanceof Element) syncLink(root, view);
  for (const a of root.querySelectorAll("a[href^='/']")) syncLink(a, view);
}

/** Keys, and the view kept on links and GET forms as the page changes without a reload. */
export function RoomKeys() {
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const view = parseView(location.search);
  // Where the last R or T asked to go (`to`) while its navigation (the new URL's loaders) has not landed: a second
  // key pressed meanwhile steps on from there, not from the address still shown (two quick T presses stepped once).
  // Cleared in a layout effect once a page other than the one the key was pressed on (`from`) has committed: the
  // asked-for one, or another the reader went to. Not by the commit of the page the key was pressed on: React can
  // commit the previous landing after the address bar has changed and a key has been read (under load, two quick
  // T presses right after a T still stepped once).
  const asked = useRef<{ from: string; to: URL } | null>(null);
  useIsomorphicLayoutEffect(() => {
    if (navigation.state === "idle" && asked.current && `${location.pathname}${location.search}${location.hash}` !== asked.current.from)
      asked.current = null;
  }, [navigation.state, location.key]);

  // Every link shown carries the view shown (copy link, open in a new tab, the status bar): set before the browser
  // paints. Once the view changes, every link is brought in step (React leaves an unchanged link's attribute as it
  // was, so leaving the room view kept 38 links in it); the observer below does it for what React renders later.
  useIsomorphicLayoutEffect(() => syncLinks(document, view), [view.room, view.theme]);
  useEffect(() => {
    // A mutation observer's callback runs before the browser paints what React committed, unlike an effect, which
    // ran a frame later (a new page was painted once with its links out of the view). At the desk React renders
    // no link in the room view, so nothing needs watching there.
    if (!view.room) return;
    const observer = new MutationObserver((records) => {
      const now = parseView(window.location.search);
      for (const r of records) {
        if (r.type === "attributes") syncLink(r.target as Element, now);
        else for (const node of r.addedNodes) if (node instanceof Element) syncLinks(node, now);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["href"] });
    return () => observer.disconnect();
  }, [view.room]);

  useEffect(() => {
    // Every page's "JavaScript has taken over" signal, for the browser tests (layout shift is measured after it).
    document.documentElement.setAttribute("data-hydrated", "true");
    const go = (href: string, replace: boolean) => {
      const { pathname, search, hash } = window.location;
      asked.current = { from: `${pathname}${search}${hash}`, to: new URL(href, window.location.origin) };
      navigate(href, { replace, preventScrollReset: true });
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      const { pathname, search, hash } = asked.current?.to ?? window.location;
      // The deck has keys of its own and is a projector view already.
      if (pathname.startsWith("/present/")) return;
      const now = parseView(search);
      const key = e.key;
      if (key === "r" || key === "R") {
        e.preventDefault();
        go(viewHref(pathname, search, hash, { room: !now.room, theme: now.theme }), false);
      } else if (now.room && (key === "t" || key === "T")) {
        e.preventDefault();
        const next = THEMES[(THEMES.findIndex((t) => t.theme === now.theme) + 1) % THEMES.length]!.theme;
        go(viewHref(pathname, search, hash, { room: true, theme: next }), true);
      } else if (now.room && (key === "j" || key === "J" || key === "PageDown")) {
        if (stepSection(1)) e.preventDefault();
      } else if (now.room && (key === "k" || key === "K" || key === "PageUp")) {
        if (stepSection(-1)) e.preventDefault();
      }
    };
    // A link the app renders (Remix's <Link> navigates by its `to`, not the DOM's href) opens in the same view.
    const onClick = (e: MouseEvent) => {
      const now = parseView(window.location.search);
      if (!now.room || e.defaultPrevented || e.button !== 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const a = (e.target as Element | null)?.closest?.("a");
      if (!a || a.hasAttribute("data-view-toggle") || a.hasAttribute("download") || (a.target && a.target !== "_self")) return;
      const href = a.getAttribute("href");
      if (!href || !href.startsWith("/") || href.startsWith("//")) return;
      // The DOM's href may carry the view already (rewritten); Remix's <Link> would still follow its own `to`.
      const next = hrefWithView(href, now);
      if (!/[?&]view=room\b/.test(next)) return;
      e.preventDefault();
      e.stopPropagation();
      navigate(next);
    };
    // A GET form sent from the room view stays in it.
    const onSubmit = (e: SubmitEvent) => {
      const now = parseView(window.location.search);
      const form = e.target;
      if (!now.room || !(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return;
      for (const [k, v] of [["view", "room"], ...(now.theme === "auto" ? [] : [["theme", now.theme]])] as const) {
        if (form.elements.namedItem(k)) continue;
        const input = document.createElement("input");
        Object.assign(input, { type: "hidden", name: k, value: v });
        form.append(input);
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("click", onClick, true);
    window.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("click", onClick, true);
      window.removeEventListener("submit", onSubmit, true);
    };
  }, [navigate]);

  return null;
}
