import type { ReactNode } from 'react';
import type { Dashboard } from '../api/types';

/** One figure of the dashboard: its name, and its value under a `data-kpi` id (tests and screen readers find it by both). */
export const Kpi = ({ name, id, children }: { name: string; id: string; children: ReactNode }) => (
  <div>
    <dt>{name}</dt>
    <dd data-kpi={id}>{children}</dd>
  </div>
);

const minutes = (value: number | null) => (value === null ? '—' : `${value} min`);

/** The period's figures: tickets, by priority, MTTA, MTTR, SLA, CSAT, alerts, escalations. */
export const KpiList = ({ figures, busy }: { figures: Dashboard; busy: boolean }) => (
  <dl className="kpis" aria-busy={busy}>
    <Kpi name="Open tickets" id="open">
      {figures.tickets.open}
    </Kpi>
    <Kpi name="All tickets" id="total">
      {figures.tickets.total}
    </Kpi>
    {['P1', 'P2', 'P3', 'P4', 'untriaged'].map((priority) => (
      <Kpi key={priority} name={priority} id={`priority-${priority}`}>
        {figures.byPriority[priority] ?? 0}
      </Kpi>
    ))}
    <Kpi name="MTTA" id="mtta">
      {minutes(figures.mttaMinutes)}
    </Kpi>
    <Kpi name="MTTR" id="mttr">
      {minutes(figures.mttrMinutes)}
    </Kpi>
    <Kpi name="SLA compliance" id="sla">
      {figures.sla.compliancePercent === null ? '—' : `${figures.sla.compliancePercent} %`}
    </Kpi>
    <Kpi name="CSAT" id="csat">
      {figures.satisfaction?.average ?? '—'}
    </Kpi>
    <Kpi name="Alerts firing" id="alerts">
      {figures.alerts.firingNow}
    </Kpi>
    <Kpi name="Open escalations" id="escalations">
      {figures.openEscalations.count}
    </Kpi>
  </dl>
);
