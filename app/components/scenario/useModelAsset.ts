/**
 * The model for the browser's engine, fetched once from its content-hashed address (decision 021) and kept for the
 * page's life: every scenario page names the same address while the model is unchanged, so moving between
 * scenarios fetches nothing (and the HTTP cache keeps it across visits: it is immutable).
 */
import { startTransition, useEffect, useState } from "react";

import type { Model } from "~/engine";

const fetched = new Map<string, Promise<Model>>();

function load(href: string): Promise<Model> {
  let pending = fetched.get(href);
  if (!pending) {
    pending = fetch(href, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(`the model could not be loaded from ${href} (HTTP ${r.status})`);
      return r.json() as Promise<Model>;
    });
    // A failure is not kept: the next page (or a reload) tries again.
    pending.catch(() => fetched.delete(href));
    fetched.set(href, pending);
  }
  return pending;
}

/** The model once it has arrived (null before, and on the server), and the error if it could not be loaded. */
export function useModelAsset(href: string): { model: Model | null; error: string | null } {
  const [state, setState] = useState<{ href: string; model: Model | null; error: string | null }>({ href, model: null, error: null });
  useEffect(() => {
    let live = true;
    // Transitions: the model's arrival re-renders the whole page, which React then does in slices.
    load(href).then(
      (model) => live && startTransition(() => setState({ href, model, error: null })),
      (error: unknown) => live && startTransition(() => setState({ href, model: null, error: (error as Error).message })),
    );
    return () => {
      live = false;
    };
  }, [href]);
  return state.href === href ? { model: state.model, error: state.error } : { model: null, error: null };
}
