import { act, fireEvent, renderHook, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REVIEW } from '../../../domain/assessment/review.ts';
import { DEFAULT_SCORING } from '../../../domain/assessment/scoring.ts';
import { assessmentsApi, type AssessmentDetail, type AssessmentInput } from '../../api/assessments.ts';
import { banksApi } from '../../api/banks.ts';
import { ApiError } from '../../api/client.ts';
import { trainingApi } from '../../api/training.ts';
import { Providers, renderScreen } from '../../test/render.tsx';
import { defaultValues, toInput, toValues, type AssessmentValues } from './assessment-form.ts';
import { QuestionsSection } from './questions-section.tsx';
import { RULE_ANY } from './rules-field.tsx';
import { useAssessmentEditor } from './use-assessment-editor.ts';

vi.mock('../../api/assessments.ts', () => ({ assessmentsApi: { list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn() } }));
vi.mock('../../api/banks.ts', () => ({ banksApi: { list: vi.fn(), topics: vi.fn(), questions: vi.fn() } }));
vi.mock('../../api/training.ts', () => ({ trainingApi: { campaigns: vi.fn() } }));
const units = vi.hoisted(() => ({ loading: false, forest: { roots: [{ id: 1, name: 'Sở GD&ĐT', children: [] }], byId: new Map() } }));
vi.mock('../../hooks/useUnits.ts', () => ({ useUnits: () => units }));

const input: AssessmentInput = {
  title: 'Khảo sát hè 2026',
  instructions: null,
  bankId: 4,
  unitId: 1,
  campaignId: null,
  compareWithId: null,
  durationMin: 120,
  questionCount: 30,
  opensAt: '2026-07-01T00:30:00.000Z',
  closesAt: '2026-07-01T10:30:00.000Z',
  attemptsAllowed: 1,
  variantMode: 'fixed',
  variantCount: 2,
  shuffleQuestions: true,
  shuffleOptions: true,
  selection: {
    mode: 'rules',
    rules: [
      { topicId: 9, difficulty: null, count: 20 },
      { topicId: null, difficulty: 'application', count: 10 },
    ],
  },
  scoring: DEFAULT_SCORING,
  review: DEFAULT_REVIEW,
  graceSeconds: 60,
  targetUnitIds: [1],
  inviteePersonIds: [],
};

describe('the assessment form values', () => {
  it('turn "any topic / any level" into the selects’ choice and back, counting the questions', () => {
    const values = toValues(input);
    expect(values.rules).toEqual([
      { topicId: 9, difficulty: RULE_ANY, count: 20 },
      { topicId: RULE_ANY, difficulty: 'application', count: 10 },
    ]);
    expect(values.window.map((d) => d.toISOString())).toEqual([input.opensAt, input.closesAt]);
    expect(toInput(values)).toEqual(input);
  });

  it('send a fixed list with its own count, whatever the rules say', () => {
    const values: AssessmentValues = { ...toValues(input), selectionMode: 'fixed', questionIds: [31, 5, 8] };
    expect(toInput(values)).toMatchObject({ selection: { mode: 'fixed', questionIds: [31, 5, 8] }, questionCount: 3 });
  });

  it('keep a stored fixed list and offer one rule of 50 if the organiser switches to rules', () => {
    const values = toValues({ ...input, selection: { mode: 'fixed', questionIds: [2, 3] } });
    expect(values).toMatchObject({
      selectionMode: 'fixed',
      questionIds: [2, 3],
      rules: [{ topicId: RULE_ANY, difficulty: RULE_ANY, count: 50 }],
    });
  });

  it('start a new assessment tomorrow 07:30–17:30, 120 minutes, 2 shuffled variants', () => {
    const values = defaultValues(1, dayjs('2026-06-10T15:00:00'));
    expect(values.window?.map((d) => d.format('DD/MM/YYYY HH:mm'))).toEqual(['11/06/2026 07:30', '11/06/2026 17:30']);
    expect(values).toMatchObject({
      unitId: 1,
      durationMin: 120,
      variantMode: 'fixed',
      variantCount: 2,
      shuffleQuestions: true,
      shuffleOptions: true,
    });
  });
});

describe('useAssessmentEditor', () => {
  const detail = { id: 8, status: 'draft', title: input.title, input, invitees: [] } as unknown as AssessmentDetail;

  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(banksApi.list).mockResolvedValue([]);
    vi.mocked(banksApi.topics).mockResolvedValue({
      items: [],
      withoutTopic: { total: 0, recognition: 0, comprehension: 0, application: 0, unrated: 0 },
    });
    vi.mocked(banksApi.questions).mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 200 });
    vi.mocked(trainingApi.campaigns).mockResolvedValue([]);
    vi.mocked(assessmentsApi.list).mockResolvedValue([]);
    vi.mocked(assessmentsApi.get).mockResolvedValue(detail);
  });

  const useEditor = (id: number | null) => {
    const [form] = Form.useForm<AssessmentValues>();
    return { form, editor: useAssessmentEditor(id, form, 6) };
  };

  it('fills a new form with the defaults under the top unit and the campaign of the link', async () => {
    const { result } = renderHook(() => useEditor(null), { wrapper: Providers });
    await waitFor(() => expect(result.current.form.getFieldValue('campaignId')).toBe(6));
    expect(result.current.form.getFieldsValue(true)).toMatchObject({ unitId: 1, durationMin: 120, variantCount: 2 });
    expect(result.current.editor.loading).toBe(false);
  });

  it('fills the stored definition and updates it', async () => {
    vi.mocked(assessmentsApi.update).mockResolvedValue({ ok: true });
    const { result } = renderHook(() => useEditor(8), { wrapper: Providers });
    await waitFor(() => expect(result.current.editor.existing).toBe(detail));
    expect(result.current.form.getFieldValue('title')).toBe('Khảo sát hè 2026');
    let target: number | null = null;
    await act(async () => {
      target = await result.current.editor.save(toValues(input));
    });
    expect(target).toBe(8);
    expect(assessmentsApi.update).toHaveBeenCalledWith(8, input);
  });

  it('says why the server refused a save', async () => {
    vi.mocked(assessmentsApi.create).mockRejectedValue(
      new ApiError(400, 'invalid_window', 'Thời điểm đóng bài phải sau thời điểm mở bài.'),
    );
    const { result } = renderHook(() => useEditor(null), { wrapper: Providers });
    await act(async () => {
      expect(await result.current.editor.save(toValues(input))).toBeNull();
    });
    expect(result.current.editor.error).toBe('Thời điểm đóng bài phải sau thời điểm mở bài.');
    expect(result.current.editor.saving).toBe(false);
  });
});

describe('QuestionsSection', () => {
  function Harness({ initial }: { initial: Partial<AssessmentValues> }) {
    const [form] = Form.useForm<AssessmentValues>();
    return (
      <Form form={form} initialValues={initial}>
        <QuestionsSection
          published={false}
          topics={{ items: [], withoutTopic: null }}
          questionOptions={[{ value: 31, label: '#31 Đảng ta ra đời năm nào?' }]}
        />
      </Form>
    );
  }

  it('shows the rules or the fixed list by the chosen mode, and the variant count only for shared variants', async () => {
    renderScreen(<Harness initial={{ ...defaultValues(1), variantMode: 'per_person' }} />);
    expect(screen.getByText('Quy tắc 1:')).toBeTruthy();
    expect(screen.queryByText('Số mã đề')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Danh sách câu hỏi cố định' }));
    await waitFor(() => expect(screen.getByText('Các câu hỏi (theo thứ tự)')).toBeTruthy());
    expect(screen.queryByText('Quy tắc 1:')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Một số mã đề' }));
    await waitFor(() => expect(screen.getByText('Số mã đề')).toBeTruthy());
  });
});
