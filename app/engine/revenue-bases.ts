/**
 * Why the headline has two revenues, said wherever both appear (pages, deck, CLI). Consolidated revenue follows the
 * accounts; attributable revenue follows the ownership, so it can sit above the consolidated figure (it did at the
 * first baseline: 145.7 against 145.1) or below it.
 */
export const REVENUE_BASES_NOTE =
  "Consolidated revenue is the accounting figure: all the revenue of the units Ant controls, none of its associates'. " +
  "Attributable revenue is the economics: Ant's stake in every unit's revenue, so it adds 30% of MYbank (an associate, " +
  "not consolidated) and leaves out the 49% of Tianhong (Yu'e Bao) that others own; it can sit above or below the " +
  "consolidated figure.";

/** The same in one line, for the deck and the command line. */
export const REVENUE_BASES_SHORT =
  "Consolidated revenue = the accounts (units Ant controls, 100%); attributable = the economics (Ant's stake in every unit: adds 30% of MYbank, leaves out 49% of Tianhong).";
