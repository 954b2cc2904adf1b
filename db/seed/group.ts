/** Group-level figures (one row). */
import { assumed } from "./provenance";
import { GROUP_NET_PROFIT, GROUP_REVENUE } from "./segments";

export const BASELINE_AS_OF = "2020-06-30";

export const GROUP = {
  revenue: GROUP_REVENUE,
  netProfit: GROUP_NET_PROFIT,
  paidInCapital: assumed("group-paid-in-capital", "not in the fact sheet"),
  asOf: BASELINE_AS_OF,
};
