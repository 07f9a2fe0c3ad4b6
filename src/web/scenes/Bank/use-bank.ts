import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { banksApi, type Bank, type DifficultyCounts, type Topic } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';

/** The bank itself: undefined while loading, null when it does not exist or is not the reader's. */
export function useBank(bankId: number) {
  const [bank, setBank] = useState<Bank | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    banksApi
      .list()
      .then((all) => setBank(all.find((b) => b.id === bankId) ?? null))
      .catch((err: unknown) => {
        setError(errorMessage(err));
        setBank(null);
      });
  }, [bankId]);
  useEffect(reload, [reload]);

  return { bank, error, reload };
}

/** The bank's topics with their counts, the count of questions without a topic, and its tags. */
export function useBankTopics(bankId: number) {
  const { message } = App.useApp();
  const [topics, setTopics] = useState<Topic[]>([]);
  const [withoutTopic, setWithoutTopic] = useState<DifficultyCounts | null>(null);
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([]);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [result, bankTags] = await Promise.all([banksApi.topics(bankId), banksApi.tags(bankId)]);
      setTopics(result.items);
      setWithoutTopic(result.withoutTopic);
      setTags(bankTags);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [bankId, message]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { topics, withoutTopic, tags, loading, reload };
}
