import { useState } from 'react';
import { Loaded } from '../common/loaded';
import { usePeriodRead } from '../api/period-read';
import { PostmortemDocument, type Postmortem } from './postmortem-document';

interface PostmortemRow {
  postmortemId: string;
  title: string;
  status: string;
  updatedAt: string;
}

const Opened = ({ periodId, postmortemId }: { periodId: string; postmortemId: string }) => {
  const postmortem = usePeriodRead<Postmortem>(
    periodId,
    'reporting',
    `/periods/${periodId}/postmortems/${postmortemId}`,
  );
  return (
    <Loaded query={postmortem} what="the post-mortem">
      {(document) => <PostmortemDocument periodId={periodId} postmortem={document} />}
    </Loaded>
  );
};

/** The period's blameless post-mortems; one opened, to read and to replay. */
export const PostmortemList = ({ periodId }: { periodId: string }) => {
  const list = usePeriodRead<PostmortemRow[]>(periodId, 'reporting', `/periods/${periodId}/postmortems`);
  const [opened, setOpened] = useState<string>();
  return (
    <section aria-labelledby="postmortems-heading">
      <h2 id="postmortems-heading">Post-mortems</h2>
      <Loaded query={list} what="the post-mortems">
        {(rows) =>
          rows.length === 0 ? (
            <p>No post-mortem yet (analysts start one with POST /reporting/periods/{'{id}'}/postmortems).</p>
          ) : (
            <ul>
              {rows.map((row) => (
                <li key={row.postmortemId}>
                  <button type="button" className="link" onClick={() => setOpened(row.postmortemId)}>
                    {row.title}
                  </button>{' '}
                  {row.status}, {new Date(row.updatedAt).toLocaleString()}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {opened && <Opened periodId={periodId} postmortemId={opened} />}
    </section>
  );
};
