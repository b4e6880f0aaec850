import { useState } from 'react';
import { Loaded } from '../common/loaded';
import { StepSlider } from '../common/step-slider';
import { useDashboard } from '../api/queries';
import { KpiList } from '../dashboard/kpi-list';

interface Source {
  id: string;
  type: string;
  at: string;
  position: number;
}

export interface Postmortem {
  postmortemId: string;
  title: string;
  status: string;
  summary: string;
  rootCause: string;
  wentWell: string[];
  wentBadly: string[];
  actionItems: Array<{ description: string; ownerRole: string; dueDate: string; status: string }>;
  reflects: { position: number };
  generated: Array<{ title: string; lines: Array<{ text: string; cites: string[] }> }>;
  sources: Source[];
}

/**
 * A post-mortem read as it happened: a slider steps through the events it cites, one at a time;
 * the period's figures move to the moment of each (reporting's history as of that position)
 * and the lines whose events had not happened yet are set apart.
 */
export const PostmortemDocument = ({
  periodId,
  postmortem,
}: {
  periodId: string;
  postmortem: Postmortem;
}) => {
  const steps = [...postmortem.sources].sort((a, b) => a.position - b.position);
  const [step, setStep] = useState(steps.length);
  const at = steps[step];
  const position = at?.position ?? postmortem.reflects.position;
  const figures = useDashboard(periodId, { asOfPosition: position });
  const positionOf = new Map(steps.map((source) => [source.id, source.position]));
  const happened = (cites: string[]) =>
    cites.length === 0 || Math.min(...cites.map((id) => positionOf.get(id) ?? Infinity)) <= position;
  const label = at ? `${at.type}, ${new Date(at.at).toLocaleString()}` : 'as the post-mortem reflects it';

  return (
    <article aria-labelledby="postmortem-heading" className="postmortem">
      <h3 id="postmortem-heading">
        {postmortem.title} <span className="status">{postmortem.status}</span>
      </h3>
      <StepSlider
        id="postmortem-step"
        label="As of"
        max={steps.length}
        value={step}
        valueText={label}
        onChange={setStep}
      />
      <Loaded query={figures} what="the figures of that moment">
        {(dashboard) => <KpiList figures={dashboard} busy={figures.isFetching} />}
      </Loaded>
      {postmortem.summary && <p>{postmortem.summary}</p>}
      {postmortem.rootCause && (
        <>
          <h4>Root cause</h4>
          <p>{postmortem.rootCause}</p>
        </>
      )}
      {postmortem.generated.map((section) => (
        <section key={section.title}>
          <h4>{section.title}</h4>
          <ul>
            {section.lines.map((line, index) => (
              <li key={index} className={happened(line.cites) ? undefined : 'later'}>
                {line.text}
                {!happened(line.cites) && <span className="visually-hidden"> (after this moment)</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {postmortem.actionItems.length > 0 && (
        <>
          <h4>Action items</h4>
          <ul>
            {postmortem.actionItems.map((item) => (
              <li key={item.description}>
                {item.description} — {item.ownerRole}, due {item.dueDate}, {item.status}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
};
