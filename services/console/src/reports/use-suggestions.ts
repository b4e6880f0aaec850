import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useCredentials } from '../auth/session';

export interface Suggestion {
  articleId: string;
  kind: string;
  title: string;
  excerpt: string;
}

const PAUSE_MS = 400;

/** Knowledge articles that may answer what the reporter is writing, asked once they pause typing. */
export const useSuggestions = (periodId: string, title: string, description: string): Suggestion[] => {
  const credentials = useCredentials();
  const [articles, setArticles] = useState<Suggestion[]>([]);
  useEffect(() => {
    if (title.trim().length < 3) {
      setArticles([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call<{ articles: Suggestion[] }>(credentials, 'intake', `/periods/${periodId}/reports/suggestions`, {
        method: 'POST',
        body: { title: title.trim(), description: description.trim() },
      })
        .then(({ articles: found }) => current && setArticles(found))
        .catch(() => current && setArticles([]));
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [credentials, periodId, title, description]);
  return articles;
};
