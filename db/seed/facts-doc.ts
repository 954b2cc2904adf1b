/**
 * Renders the fact register (./facts.ts, ./sources.ts) as docs/facts/ant-group.md, for readers of the repository.
 * `npm run facts` writes the file; a test fails while the committed file differs from what this renders.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { FACT_TOPICS, FACTS } from "./facts";
import { SOURCES } from "./sources";

export const FACTS_DOC = fileURLToPath(new URL("../../docs/facts/ant-group.md", import.meta.url));

export function renderFactRegister(): string {
  const lines = [
    "# Ant Group: the project's fact register",
    "",
    "<!-- Generated from db/seed/facts.ts and db/seed/sources.ts by `npm run facts`; edit those, not this file. -->",
    "",
    "Public facts the baseline model, the scenario library and the back-test rest on: mostly news wires' and",
    "analysts' write-ups of Ant's 2020 IPO prospectus, and reporting on the regulation since. Each fact names its",
    "sources by key (S1..S89, listed at the bottom); the id in backquotes is how the code finds it. A number the record",
    "does not give is not here: the model ships it as an assumption with a range (`db/seed/assumptions.ts`).",
    "RMB bn = billions of yuan; shares are fractions (0.554 = 55.4%).",
    "",
  ];
  for (const topic of FACT_TOPICS) {
    lines.push(`## ${topic}`, "");
    for (const f of FACTS.filter((x) => x.topic === topic)) {
      lines.push(`- ${f.text} [${f.sourceKeys.join(", ")}] (\`${f.id}\`, as of ${f.date})`);
      for (const g of f.figures) lines.push(`  - ${g.label}: ${g.value} ${g.unit} (${g.date})`);
    }
    lines.push("");
  }
  lines.push("## Sources", "");
  for (const s of SOURCES) lines.push(`- **${s.key}** ${s.citation}`);
  lines.push("");
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  fs.mkdirSync(new URL("../../docs/facts/", import.meta.url), { recursive: true });
  fs.writeFileSync(FACTS_DOC, renderFactRegister());
  console.log(`wrote ${FACTS_DOC}`);
}
