/**
 * Short links in SQLite (migration 0005): one random code per target, so the same state always gets the same
 * link; rows are only ever inserted. The target is checked (checkShareTarget) before it is stored.
 */
import { randomInt } from "node:crypto";

import { eq } from "drizzle-orm";

import { shortLinks } from "../../db/schema";
import { checkShareTarget, CODE_ALPHABET, CODE_LENGTH, isShortCode } from "../utils/share-target";
import { HttpError } from "../utils/http.server";
import { getDb, type Db } from "./db.server";

function randomCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The code of a target that already has one, or null (a read: nothing is stored). */
export function findShortCode(target: string, db: Db = getDb()): string | null {
  return db.select({ code: shortLinks.code }).from(shortLinks).where(eq(shortLinks.target, target)).get()?.code ?? null;
}

/** The code for a target: the existing one, or a new one. Throws a 400 HttpError for a target that may not be shared. */
export function shortCodeFor(rawTarget: string, db: Db = getDb(), now: () => Date = () => new Date()): { code: string; target: string; created: boolean } {
  const checked = checkShareTarget(rawTarget);
  if (!checked.ok) throw new HttpError(400, checked.error);
  const { target } = checked;
  const existing = findShortCode(target, db);
  if (existing) return { code: existing, target, created: false };
  // A collision of 56^10 codes is unlikely; a concurrent insert of the same target wins and is returned.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = randomCode();
    const inserted = db.insert(shortLinks).values({ code, target, createdAt: now().toISOString() }).onConflictDoNothing().returning({ code: shortLinks.code }).get();
    if (inserted) return { code: inserted.code, target, created: true };
    const raced = findShortCode(target, db);
    if (raced) return { code: raced, target, created: false };
  }
  throw new Error("could not find a free short-link code");
}

/** The target of a code, or null for an unknown (or malformed) code. */
export function resolveShortCode(code: string, db: Db = getDb()): string | null {
  if (!isShortCode(code)) return null;
  return db.select({ target: shortLinks.target }).from(shortLinks).where(eq(shortLinks.code, code)).get()?.target ?? null;
}
