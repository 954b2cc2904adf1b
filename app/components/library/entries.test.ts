import { describe, expect, it } from "vitest";

import { splitSummary } from "./entries";

describe("a card's summary", () => {
  it("splits after the first whole sentence, never inside one", () => {
    expect(splitSummary("Ant becomes a holding company (Ant 50%, 8 RMB bn). Huabei moves. The rest.")).toEqual({
      lead: "Ant becomes a holding company (Ant 50%, 8 RMB bn).",
      rest: "Huabei moves. The rest.",
    });
    // Decimal points and abbreviations followed by lower case are not sentence ends.
    expect(splitSummary("A 2.74% fee, i.e. the cap. Then more")).toEqual({ lead: "A 2.74% fee, i.e. the cap.", rest: "Then more" });
    expect(splitSummary("One sentence only.")).toEqual({ lead: "One sentence only.", rest: "" });
    expect(splitSummary("  No full stop  ")).toEqual({ lead: "No full stop", rest: "" });
  });
});
