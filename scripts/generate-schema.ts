/** Writes scenarios/scenario.schema.json from the zod scenario schema (same as `npm run scenarios -- schema`). */
import fs from "node:fs";
import path from "node:path";
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText } from "../app/scenarios/json-schema";

const target = path.resolve(process.cwd(), SCENARIO_SCHEMA_PATH);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${SCENARIO_SCHEMA_PATH}`);
