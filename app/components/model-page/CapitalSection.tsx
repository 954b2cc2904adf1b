import type { CreditBook, Fund, Model } from "~/engine/model";
import { formatPercent, formatRiskWeight, formatRmbBn, formatWithUnit } from "~/utils/format";

import { DataTable } from "../common/DataTable";
import { Fig } from "./Provenance";
import { Section, yesNo } from "../common/Section";

export function CapitalSection({ model }: { model: Model }) {
  const unitName = new Map(model.units.map((u) => [u.id, u.name]));
  const name = (id: string) => unitName.get(id) ?? id;
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
          { key: "unit", header: "Unit", cell: (b) => name(b.unitId) },
          {
            key: "balance",
            header: "Balance",
            numeric: true,
            cell: (b) => <Fig text={formatRmbBn(b.balance)} table="creditBooks" rowId={b.unitId} field="balance" />,
          },
          {
            key: "ownShare",
            header: "Own-funded share",
            numeric: true,
            cell: (b) => <Fig text={formatPercent(b.ownShare)} table="creditBooks" rowId={b.unitId} field="ownShare" />,
          },
          {
            key: "ownFunded",
            header: "= Own-funded",
            numeric: true,
            cell: (b) => <span className="num">{formatRmbBn(b.balance * b.ownShare)}</span>,
          },
          {
            key: "takeRate",
            header: "Take rate",
            numeric: true,
            cell: (b) => <Fig text={formatPercent(b.takeRate)} table="creditBooks" rowId={b.unitId} field="takeRate" />,
          },
          {
            key: "feeRevenue",
            header: "= Fees a year",
            numeric: true,
            cell: (b) => <span className="num">{formatRmbBn(b.balance * b.takeRate)}</span>,
          },
          {
            key: "riskWeight",
            header: "Risk weight",
            numeric: true,
            cell: (b) => <Fig text={formatRiskWeight(b.riskWeight)} table="creditBooks" rowId={b.unitId} field="riskWeight" />,
          },
          {
            key: "lossRate",
            header: "Loss rate",
            numeric: true,
            cell: (b) => <Fig text={formatPercent(b.lossRate)} table="creditBooks" rowId={b.unitId} field="lossRate" />,
          },
        ]}
      />
      <DataTable<Fund>
        id="funds-table"
        caption="Funds (assets under management in RMB bn)"
        rows={model.funds}
        rowKey={(f) => f.unitId}
        columns={[
          { key: "unit", header: "Unit", cell: (f) => name(f.unitId) },
          {
            key: "aum",
            header: "Assets under management",
            numeric: true,
            cell: (f) => <Fig text={formatRmbBn(f.aum)} table="funds" rowId={f.unitId} field="aum" />,
          },
          {
            key: "feeRate",
            header: "Fee rate",
            numeric: true,
            cell: (f) => <Fig text={formatPercent(f.feeRate)} table="funds" rowId={f.unitId} field="feeRate" />,
          },
          {
            key: "feeRevenue",
            header: "= Fees a year",
            numeric: true,
            cell: (f) => <span className="num">{formatRmbBn(f.aum * f.feeRate)}</span>,
          },
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
