import type { FormInstance } from 'antd';
import { Form } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { assessmentsApi, type AssessmentDetail } from '../../api/assessments.ts';
import { banksApi, type Bank, type DifficultyCounts, type Topic } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';
import { trainingApi, type CampaignSummary } from '../../api/training.ts';
import { useAction } from '../../hooks/useAction.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { formatDateTimeVi } from '../../lib/format.ts';
import { defaultValues, toInput, toValues, type AssessmentValues } from './assessment-form.ts';

export interface Choice {
  value: number;
  label: string;
}

/**
 * Everything the editor form needs besides its own values: the banks, campaigns and earlier assessments to choose
 * from, the stored definition (filled into the form) or the defaults of a new one, the chosen bank's topics and
 * questions; and the save.
 */
export function useAssessmentEditor(id: number | null, form: FormInstance<AssessmentValues>, campaignFromLink: number | null) {
  const { forest, loading: unitsLoading } = useUnits();
  const [banks, setBanks] = useState<Bank[]>([]);
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  const [earlier, setEarlier] = useState<Choice[]>([]);
  const [existing, setExisting] = useState<AssessmentDetail | null>(null);
  const [topics, setTopics] = useState<{ items: Topic[]; withoutTopic: DifficultyCounts | null }>({ items: [], withoutTopic: null });
  const [questionOptions, setQuestionOptions] = useState<Choice[]>([]);
  // One message for the page: a load that failed, or the save the server refused.
  const { run, pending: saving, error, setError } = useAction({ errors: 'inline' });
  const bankId = Form.useWatch('bankId', form);

  useEffect(() => {
    banksApi.list().then(
      (all) => setBanks(all.filter((b) => b.active)),
      (e) => setError(errorMessage(e)),
    );
  }, [setError]);
  useEffect(() => {
    trainingApi.campaigns().then(setCampaigns, () => setCampaigns([]));
    assessmentsApi.list().then(
      (all) =>
        setEarlier(
          all
            .filter((a) => a.id !== id && a.status === 'published')
            .map((a) => ({ value: a.id, label: `${a.title} (${formatDateTimeVi(a.opensAt).slice(0, 10)})` })),
        ),
      () => undefined,
    );
  }, [id]);
  useEffect(() => {
    if (id === null) return;
    assessmentsApi.get(id).then(
      (detail) => {
        setExisting(detail);
        form.setFieldsValue(toValues(detail.input));
      },
      (e) => setError(errorMessage(e)),
    );
  }, [id, form, setError]);
  useEffect(() => {
    if (id === null && !unitsLoading && forest.roots[0]) {
      form.setFieldsValue({ ...defaultValues(forest.roots[0].id), campaignId: campaignFromLink });
    }
  }, [id, unitsLoading, forest, form, campaignFromLink]);
  useEffect(() => {
    if (!bankId) return;
    banksApi.topics(bankId).then(
      (t) => setTopics({ items: t.items, withoutTopic: t.withoutTopic }),
      () => undefined,
    );
    banksApi.questions(bankId, { pageSize: 200 }).then(
      (page) =>
        setQuestionOptions(
          page.items.map((q) => ({
            value: q.id,
            label: `#${q.id} ${q.stem.slice(0, 120)}`,
          })),
        ),
      () => undefined,
    );
  }, [bankId]);

  /** Creates or updates; the assessment's id, or null when the server refused (error says why). */
  const save = useCallback(
    async (values: AssessmentValues): Promise<number | null> =>
      (await run(async () => {
        const input = toInput(values);
        return id === null ? (await assessmentsApi.create(input)).id : (await assessmentsApi.update(id, input), id);
      })) ?? null,
    [id, run],
  );

  const loading = (id !== null && !existing && !error) || unitsLoading;
  return {
    forest,
    loading,
    banks,
    campaigns,
    earlier,
    existing,
    published: existing?.status === 'published',
    topics,
    questionOptions,
    error,
    saving,
    save,
  };
}
