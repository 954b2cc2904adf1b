/**
 * The per-request CSP nonce, set by entry.server and read by the root so Remix's inline scripts may run
 * under a `script-src 'nonce-…'` policy. In the browser the value is "" (browsers hide nonce attributes).
 */
import { createContext, useContext, type ReactNode } from "react";

const NonceContext = createContext<string>("");

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

/** The nonce to put on inline <script> elements. */
export function useNonce(): string {
  return useContext(NonceContext);
}
