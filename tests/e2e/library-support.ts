/**
 * Helpers for the library and compare browser tests: the engine's numbers for the library on the scratch
 * database's model, and a second app server on a temporary copy of scenarios/ (plus broken files), so a test
 * can break a file without touching the repository's library.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import type { APIRequestContext } from "@playwright/test";

import { evaluate, type Model, type Result } from "../../app/engine";
import { loadScenarios } from "../../app/scenarios/load.server";
import type { ScenarioOk } from "../../app/scenarios/validate";
import { E2E, E2E_TMP } from "./support/env";

export const SCENARIOS = path.join(E2E.root, "scenarios");

/** The model the app server serves (the scratch database's). */
export async function serverModel(request: APIRequestContext, base: string = E2E.app.url): Promise<Model> {
  const response = await request.get(`${base}/api/model`);
  if (!response.ok()) throw new Error(`GET /api/model: ${response.status()}`);
  return (await response.json()) as Model;
}

/** Every valid scenario of the repository's library, evaluated here with the engine. */
export function evaluateLibrary(model: Model): Array<{ loaded: ScenarioOk; result: Result }> {
  return loadScenarios({ dir: SCENARIOS, model })
    .filter((r): r is ScenarioOk => r.ok)
    .map((loaded) => ({ loaded, result: evaluate(model, loaded.scenario) }));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type ExtraServer = { url: string; dir: string; stop: () => Promise<void> };

/**
 * The built app on the scratch database, reading scenarios from a fresh copy of scenarios/ with `extra` files
 * (name -> fixture path) added. Stop it in afterAll.
 */
export async function startServerWithScenarios(name: string, extra: Record<string, string>): Promise<ExtraServer> {
  const dir = path.join(E2E_TMP, `scenarios-${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(SCENARIOS, dir, { recursive: true });
  for (const [file, fixture] of Object.entries(extra)) fs.copyFileSync(path.join(E2E.root, fixture), path.join(dir, file));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let stderr = "";
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs", "build/index.js"], {
    cwd: E2E.root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: E2E.app.db, NODE_ENV: "production", SCENARIOS_DIR: dir },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (d) => (stderr += String(d)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the extra server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${url}/favicon.ico`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the extra server did not start within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    dir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill();
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
