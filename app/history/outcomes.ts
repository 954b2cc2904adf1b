/**
 * The reported outcomes the back-test compares with the model: each names a figure the model produces
 * (./figures.ts) and a figure of the fact register (db/seed/facts.ts, in the database), which gives the reported
 * value, its date and its source keys: the numbers are never typed twice. Only outcomes the model can produce
 * are here; what it cannot say (voting control, risk premia) is in /model/about's limits.
 */

export interface Outcome {
  /** The model figure compared (an id of MODEL_FIGURES). */
  figure: string;
  /** The fact in the register and the label and unit of its figure. */
  fact: string;
  label: string;
  unit: string;
  /** `at-least`: history reports a lower bound ("more than 90%"); the band must reach it. */
  comparison?: "value" | "at-least";
  /**
   * Why the reported figure is an input of the model, when it is one whatever the path says: the baseline is
   * built from it, or an assumption is calibrated to it. Inputs are shown, never counted.
   * (An input typed into a rule on the path is found by the back-test itself.)
   */
  inputBecause?: string;
}

export const OUTCOMES: readonly Outcome[] = [
  {
    figure: "equity-value",
    fact: "ipo-terms",
    label: "IPO valuation",
    unit: "RMB bn",
    inputBecause: "the valuation multiple is calibrated so that the baseline reproduces the IPO's valuation",
  },
  {
    figure: "alipay-payment-share",
    fact: "mobile-payment-shares",
    label: "Alipay share Q2 2020",
    unit: "share",
    inputBecause: "the baseline's market shares are the reported shares of mid-2020",
  },
  {
    figure: "alipay-tenpay-share",
    fact: "mobile-payment-shares",
    label: "Alipay and Tenpay together Q2 2020",
    unit: "share",
    inputBecause: "the baseline's market shares are the reported shares of mid-2020",
  },
  {
    figure: "consumer-own-share",
    fact: "consumer-credit",
    label: "own-funded share",
    unit: "share",
    inputBecause: "the baseline's credit books are built from it",
  },
  { figure: "yuebao-aum", fact: "yuebao-aum", label: "Yu'e Bao AUM, Q1 2021", unit: "RMB bn" },
  { figure: "yuebao-aum", fact: "yuebao-aum", label: "Yu'e Bao AUM, Q2 2021", unit: "RMB bn" },
  { figure: "consumer-credit-capital", fact: "consumer-finance-company", label: "registered capital at approval", unit: "RMB bn" },
  { figure: "yuebao-aum", fact: "yuebao-aum", label: "Yu'e Bao AUM, Sep 2022", unit: "RMB bn" },
  {
    figure: "alipay-tenpay-share",
    fact: "mobile-payment-duopoly-2022",
    label: "Alipay and WeChat Pay together (more than)",
    unit: "share",
    comparison: "at-least",
  },
  { figure: "consumer-credit-capital", fact: "consumer-finance-company", label: "registered capital after the increase", unit: "RMB bn" },
  { figure: "yuebao-aum", fact: "yuebao-aum", label: "Yu'e Bao AUM, Feb 2023", unit: "RMB bn" },
  { figure: "fine", fact: "ant-fine-2023", label: "Ant's fine", unit: "RMB bn" },
  { figure: "equity-value", fact: "buyback-2023", label: "buyback valuation", unit: "RMB bn" },
];
