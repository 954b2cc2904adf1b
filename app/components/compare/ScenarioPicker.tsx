/** The library as a checklist, for picking what to compare when a /compare request cannot be shown as asked. */
import { CompareForm } from "../library/CompareForm";
import { formatScenarioDate, type LibraryEntry } from "../library/entries";
import { FamilyTags } from "../library/ScenarioCard";

export function ScenarioPicker({
  entries,
  chosen,
  extras = [],
}: {
  entries: LibraryEntry[];
  chosen: string[];
  /** Chosen columns the library does not list (a what-if state, a variant's version), ticked first. */
  extras?: Array<{ ref: string; title: string }>;
}) {
  const picked = new Set(chosen);
  return (
    <CompareForm id="picker-form">
      {extras.length > 0 ? (
        <ul className="picker-extras" aria-label="Already chosen">
          {extras.map((e) => (
            <li key={e.ref} data-extra={e.ref}>
              <label>
                <input type="checkbox" name="s" value={e.ref} defaultChecked />
                <span>
                  <span className="picker-title">{e.title}</span> <span className="card-meta">({e.ref})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="picker">
        {entries.map((e) =>
          e.kind === "scenario" ? (
            <li key={e.ref} data-scenario={e.id}>
              <label>
                <input type="checkbox" name="s" value={e.ref} defaultChecked={picked.has(e.ref)} />
                <span>
                  <span className="picker-title">{e.title}</span>{" "}
                  <span className="card-meta">
                    ({e.id}, {formatScenarioDate(e.date)})
                  </span>
                  {e.hypothetical ? (
                    <>
                      {" "}
                      <span className="badge badge-hypothetical">Hypothetical</span>
                    </>
                  ) : null}
                  <FamilyTags families={e.families} />
                </span>
              </label>
            </li>
          ) : (
            <li key={e.file} className="picker-broken" data-broken={e.file}>
              <span className="picker-title">
                <code>{e.file}</code>
              </span>{" "}
              has {e.errors.length} {e.errors.length === 1 ? "error" : "errors"} and cannot be compared:{" "}
              <a href="/#broken-files">see them in the library</a>.
            </li>
          ),
        )}
      </ul>
    </CompareForm>
  );
}
