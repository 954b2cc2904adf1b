import type { CreditBook, Fund, Model } from "~/engine/model";
import { formatPercent, formatRiskWeight, formatRmbBn, formatWithUnit } from "~/utils/format";

import { DataTable } from "../common/DataTable";
import { computedColumn, figColumn, nameColumn } from "./columns";
import { Fig } from "./Provenance";
import { Section, yesNo } from "../common/Section";

export function CapitalSection({ model }: { model: Model }) {
  const unitName = new Map(model.units.map((u) => [u.id, u.name]));
  const name = (id: string) => unitName.get(id) ?? id;
  const unitOf = (row: { unitId: string }) => row.unitId;
  return (
    <Section
      id="credit"
      title="Credit books, funds and regulatory parameters"
      intro={
        <p>
          Loans arranged by the credit units: the balance, the share funded on Ant&apos;s own balance sheet (the rest
          by partner banks), the annual fee on the whole balance, the risk weight and the loss rate. Computed
          columns are marked with &quot;=&quot; and follow from the figures beside them.
        </p>
      }
    >
      <DataTable<CreditBook>
        id="credit-books-table"
        caption="Credit books (balances in RMB bn)"
        rows={model.creditBooks}
        rowKey={(b) => b.unitId}
        columns={[
          nameColumn<CreditBook>("unit", "Unit", (b) => name(b.unitId)),
          figColumn<CreditBook>("balance", "Balance", "creditBooks", unitOf, (b) => formatRmbBn(b.balance)),
          figColumn<CreditBook>("ownShare", "Own-funded share", "creditBooks", unitOf, (b) => formatPercent(b.ownShare)),
          computedColumn<CreditBook>("ownFunded", "Own-funded", (b) => formatRmbBn(b.balance * b.ownShare)),
          figColumn<CreditBook>("takeRate", "Take rate", "creditBooks", unitOf, (b) => formatPercent(b.takeRate)),
          computedColumn<CreditBook>("feeRevenue", "Fees a year", (b) => formatRmbBn(b.balance * b.takeRate)),
          figColumn<CreditBook>("riskWeight", "Risk weight", "creditBooks", unitOf, (b) => formatRiskWeight(b.riskWeight)),
          figColumn<CreditBook>("lossRate", "Loss rate", "creditBooks", unitOf, (b) => formatPercent(b.lossRate)),
        ]}
      />
      <DataTable<Fund>
        id="funds-table"
        caption="Funds (assets under management in RMB bn)"
        rows={model.funds}
        rowKey={(f) => f.unitId}
        columns={[
          nameColumn<Fund>("unit", "Unit", (f) => name(f.unitId)),
          figColumn<Fund>("aum", "Assets under management", "funds", unitOf, (f) => formatRmbBn(f.aum)),
          figColumn<Fund>("feeRate", "Fee rate", "funds", unitOf, (f) => formatPercent(f.feeRate)),
          computedColumn<Fund>("feeRevenue", "Fees a year", (f) => formatRmbBn(f.aum * f.feeRate)),
        ]}
      />
      <DataTable
        id="regulatory-parameters-table"
        caption="Regulatory parameters: the ratios and minima scenarios apply, and whether each was in force in mid-2020"
        rows={model.regulatoryParameters}
        rowKey={(p) => p.id}
        columns={[
          { key: "label", header: "Parameter", className: "wrap", cell: (p) => p.label },
          {
            key: "value",
            header: "Value",
            numeric: true,
            cell: (p) => (
              <Fig
                text={formatWithUnit(p.value, p.unit)}
                table="regulatoryParameters"
                rowId={p.id}
                field="value"
                fallback={{ sourceKeys: p.sourceKeys, assumptionId: null }}
              />
            ),
          },
          { key: "inForce", header: "In force at baseline", cell: (p) => yesNo(p.inForceAtBaseline) },
        ]}
      />
    </Section>
  );
}
