/** Funds: Yu'e Bao, the money market fund run by Tianhong Asset Management (51% Ant [S26]). */
import { assumed, derived } from "./provenance";
import { round3 } from "./segments";

const aum = assumed("yuebao-aum", "mid-2020 between the 2018 peak [S41] and Q1 2021 [S42]", ["S41", "S42"]);
const feeRate = assumed("yuebao-fee-rate");

/** Annual fee revenue of Yu'e Bao, RMB bn. */
export const YUEBAO_REVENUE = derived(
  round3(aum.value * feeRate.value),
  { assumption: "yuebao-aum" },
  `AUM ${aum.value} × fee rate ${feeRate.value} (both assumptions)`,
);

/** Funds, in seed order. */
export const FUNDS = [{ unitId: "yuebao", aum, feeRate }];
