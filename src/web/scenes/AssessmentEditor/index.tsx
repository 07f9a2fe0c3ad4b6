import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Switch, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { trainingApi, type CampaignSummary } from '../../api/training.ts';
import { DEFAULT_REVIEW, MOMENT_LABELS, type Moment } from '../../../domain/assessment/review.ts';
import { DEFAULT_SCORING, describeRounding } from '../../../domain/assessment/scoring.ts';
import { fold } from '../../../domain/text.ts';
import { assessmentsApi, type AssessmentDetail, type AssessmentInput } from '../../api/assessments.ts';
import { banksApi, type Bank, type DifficultyCounts, type Topic } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTimeVi } from '../../lib/format.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useUnits } from '../../hooks/useUnits.ts';
import { unitSelectOptions } from '../../lib/unit-tree.ts';
import { BandsField } from './bands-field.tsx';
import { PeopleSelect } from './people-select.tsx';
import { RULE_ANY, RulesField, type RuleValue } from './rules-field.tsx';

const DATE_TIME = 'DD/MM/YYYY HH:mm';
const MOMENTS = (Object.entries(MOMENT_LABELS) as [Moment, string][]).map(([value, label]) => ({ value, label }));

interface Values extends Omit<AssessmentInput, 'opensAt' | 'closesAt' | 'selection'> {
  window: [Dayjs, Dayjs];
  selectionMode: 'rules' | 'fixed';
  rules: RuleValue[];
  questionIds: number[];
}

function toValues(input: AssessmentInput): Values {
  const { opensAt, closesAt, selection, ...rest } = input;
  return {
    ...rest, window: [dayjs(opensAt), dayjs(closesAt)], selectionMode: selection.mode,
    rules: selection.mode === 'rules' ? selection.rules.map((r) => ({ topicId: r.topicId ?? RULE_ANY, difficulty: r.difficulty as RuleValue['difficulty'] ?? RULE_ANY, count: r.count }))
      : [{ topicId: RULE_ANY, difficulty: RULE_ANY, count: 50 }],
    questionIds: selection.mode === 'fixed' ? selection.questionIds : [],
  };
}

function toInput(values: Values): AssessmentInput {
  const { window, selectionMode, rules, questionIds, ...rest } = values;
  return {
    ...rest, opensAt: window[0].toISOString(), closesAt: window[1].toISOString(),
    selection: selectionMode === 'fixed' ? { mode: 'fixed', questionIds }
      : { mode: 'rules', rules: rules.map((r) => ({ topicId: r.topicId === RULE_ANY ? null : r.topicId,
        difficulty: r.difficulty === RULE_ANY ? null : r.difficulty, count: r.count })) },
    questionCount: selectionMode === 'fixed' ? questionIds.length : rules.reduce((n, r) => n + (r.count ?? 0), 0),
  };
}

function defaults(unitId: number | undefined): Partial<Values> {
  const start = dayjs().add(1, 'day').hour(7).minute(30).second(0);
  return {
    title: '', durationMin: 120, attemptsAllowed: 1, graceSeconds: 60, unitId, window: [start, start.add(10, 'hour')],
    selectionMode: 'rules', rules: [{ topicId: RULE_ANY, difficulty: RULE_ANY, count: 50 }], questionIds: [],
    variantMode: 'fixed', variantCount: 2, shuffleQuestions: true, shuffleOptions: true, scoring: DEFAULT_SCORING,
    review: DEFAULT_REVIEW, targetUnitIds: [], inviteePersonIds: [],
  };
}

/** Creates or edits an assessment; once published, only what cannot change anyone's answers stays editable. */
export default function AssessmentEditorScene() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { forest, loading: unitsLoading } = useUnits();
  const [banks, setBanks] = useState<Bank[]>([]);
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  const [earlier, setEarlier] = useState<{ value: number; label: string }[]>([]);
  const campaignFromLink = Number(useSearchParams()[0].get('dot')) || null;
  const [existing, setExisting] = useState<AssessmentDetail | null>(null);
  const [topics, setTopics] = useState<{ items: Topic[]; withoutTopic: DifficultyCounts | null }>({ items: [], withoutTopic: null });
  const [questionOptions, setQuestionOptions] = useState<{ value: number; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const bankId = Form.useWatch('bankId', form);
  const selectionMode = Form.useWatch('selectionMode', form);
  const variantMode = Form.useWatch('variantMode', form);
  const decimals = Form.useWatch(['scoring', 'decimals'], form);
  const published = existing?.status === 'published';

  useEffect(() => { banksApi.list().then((all) => setBanks(all.filter((b) => b.active)), (e) => setError(errorMessage(e))); }, []);
  useEffect(() => {
    trainingApi.campaigns().then(setCampaigns, () => setCampaigns([]));
    assessmentsApi.list().then((all) => setEarlier(all.filter((a) => a.id !== id && a.status === 'published')
      .map((a) => ({ value: a.id, label: `${a.title} (${formatDateTimeVi(a.opensAt).slice(0, 10)})` }))), () => undefined);
  }, [id]);
  useEffect(() => {
    if (id === null) return;
    assessmentsApi.get(id).then((detail) => { setExisting(detail); form.setFieldsValue(toValues(detail.input)); },
      (e) => setError(errorMessage(e)));
  }, [id, form]);
  useEffect(() => {
    if (id === null && !unitsLoading && forest.roots[0]) form.setFieldsValue({ ...defaults(forest.roots[0].id), campaignId: campaignFromLink });
  }, [id, unitsLoading, forest, form, campaignFromLink]);
  useEffect(() => {
    if (!bankId) return;
    banksApi.topics(bankId).then((t) => setTopics({ items: t.items, withoutTopic: t.withoutTopic }), () => undefined);
    banksApi.questions(bankId, { pageSize: 200 }).then((page) => setQuestionOptions(page.items.map((q) => ({
      value: q.id, label: `#${q.id} ${q.stem.slice(0, 120)}` }))), () => undefined);
  }, [bankId]);

  const unitTree = useMemo(() => unitSelectOptions(forest), [forest]);
  const handleSave = useCallback(async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const input = toInput(values);
      const target = id === null ? (await assessmentsApi.create(input)).id : (await assessmentsApi.update(id, input), id);
      message.success(id === null ? 'Đã tạo bài khảo sát (bản nháp).' : 'Đã lưu bài khảo sát.');
      navigate(`/bai-khao-sat/${target}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }, [id, message, navigate]);

  if ((id !== null && !existing && !error) || unitsLoading) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  return (
    <>
      <PageHeader title={id === null ? 'Tạo bài khảo sát' : `Sửa: ${existing?.title ?? ''}`}
        subtitle={published ? 'Bài đã phát hành: câu hỏi, mã đề, thời gian làm bài và cách chấm không thể thay đổi.' : undefined} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={handleSave} requiredMark={false} disabled={saving}
        scrollToFirstError>
        <Card title="Thông tin chung" className="form-card">
          <Form.Item name="title" label="Tên bài khảo sát" rules={[{ required: true, whitespace: true, message: 'Nhập tên bài khảo sát' }]}>
            <Input placeholder="Khảo sát kết quả bồi dưỡng chính trị hè năm học 2025–2026" maxLength={300} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="unitId" label="Đơn vị tổ chức" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
                <UnitTreeSelect forest={forest} aria-label="Đơn vị tổ chức" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="bankId" label="Ngân hàng câu hỏi" rules={[{ required: true, message: 'Chọn ngân hàng câu hỏi' }]}>
                <Select disabled={published} options={banks.map((b) => ({ value: b.id, label: `${b.name} (${b.code})` }))}
                  placeholder="Chọn ngân hàng" aria-label="Ngân hàng câu hỏi" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="campaignId" label="Thuộc đợt bồi dưỡng" tooltip="Nếu đợt có yêu cầu chuyên cần, chỉ người tham dự đủ số buổi mới được làm bài.">
                <Select allowClear placeholder="Không thuộc đợt nào" aria-label="Đợt bồi dưỡng"
                  options={campaigns.map((c) => ({ value: c.id, label: `${c.name} (${c.schoolYear})` }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="compareWithId" label="So sánh thống kê với bài" tooltip="Ví dụ: bài khảo sát của đợt này năm trước.">
                <Select allowClear placeholder="Không so sánh" aria-label="So sánh với bài" options={earlier}
                  showSearch={{ filterOption: (input, option) => fold(String(option?.label ?? '')).includes(fold(input)) }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="instructions" label="Hướng dẫn cho người làm bài">
            <Input.TextArea rows={2} maxLength={5000} placeholder="Ví dụ: Mỗi câu chọn một phương án đúng nhất." />
          </Form.Item>
        </Card>

        <Card title="Thời gian" className="form-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="window" label="Mở bài — đóng bài" rules={[{ required: true, message: 'Chọn thời gian mở và đóng bài' }]}>
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} style={{ width: '100%' }}
                  placeholder={['Mở lúc', 'Đóng lúc']} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="durationMin" label="Thời gian làm bài (phút)" rules={[{ required: true }]}>
                <InputNumber min={1} max={600} disabled={published} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="attemptsAllowed" label="Số lần làm bài" rules={[{ required: true }]}>
                <InputNumber min={1} max={20} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="graceSeconds" label="Chờ bài nộp muộn (giây)" tooltip="Câu trả lời đang trên đường truyền lúc hết giờ vẫn được nhận trong khoảng này."
                rules={[{ required: true }]}>
                <InputNumber min={0} max={600} disabled={published} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="Câu hỏi và mã đề" className="form-card">
          <Form.Item name="selectionMode" label="Cách chọn câu hỏi">
            <Radio.Group disabled={published} options={[{ value: 'rules', label: 'Rút ngẫu nhiên theo chuyên đề và mức độ' },
              { value: 'fixed', label: 'Danh sách câu hỏi cố định' }]} />
          </Form.Item>
          {selectionMode === 'fixed' ? (
            <Form.Item name="questionIds" label="Các câu hỏi (theo thứ tự)" rules={[{ required: true, message: 'Chọn câu hỏi' }]}>
              <Select mode="multiple" disabled={published} options={questionOptions} aria-label="Các câu hỏi"
                showSearch={{ filterOption: (input, option) => fold(String(option?.label ?? '')).includes(fold(input)) }} />
            </Form.Item>
          ) : (
            <fieldset disabled={published} style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
              <RulesField topics={topics.items} withoutTopic={topics.withoutTopic} />
            </fieldset>
          )}
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="variantMode" label="Mã đề">
                <Radio.Group disabled={published} options={[{ value: 'fixed', label: 'Một số mã đề' }, { value: 'per_person', label: 'Mỗi người một mã đề' }]} />
              </Form.Item>
            </Col>
            {variantMode === 'fixed' ? (
              <Col xs={12} md={4}>
                <Form.Item name="variantCount" label="Số mã đề" rules={[{ required: true, message: 'Nhập số mã đề' }]}>
                  <InputNumber min={1} max={50} disabled={published} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ) : (
              // Still registered, so the saved definition keeps its count (a hidden field is not submitted otherwise).
              <Form.Item name="variantCount" hidden><InputNumber aria-label="Số mã đề" /></Form.Item>
            )}
            <Col xs={12} md={5}>
              <Form.Item name="shuffleQuestions" label="Trộn thứ tự câu" valuePropName="checked"><Switch disabled={published} /></Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name="shuffleOptions" label="Trộn phương án" valuePropName="checked"
                tooltip="Phương án cố định (ví dụ “Tất cả các phương án trên”) luôn giữ vị trí."><Switch disabled={published} /></Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="Chấm điểm và xem lại" className="form-card">
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item name={['scoring', 'decimals']} label="Làm tròn điểm">
                <Select disabled={published} options={[0, 1, 2].map((d) => ({ value: d, label: `${d} chữ số thập phân` }))} />
              </Form.Item>
              <p className="muted">{describeRounding({ decimals: decimals ?? 2, bands: [] })}</p>
              <div className="ant-form-item-label"><label>Xếp loại</label></div>
              <fieldset disabled={published} style={{ border: 0, padding: 0, margin: 0 }}><BandsField /></fieldset>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['review', 'score']} label="Người làm bài xem điểm"><Select options={MOMENTS} /></Form.Item>
              <Form.Item name={['review', 'answers']} label="Xem lại bài làm của mình"><Select options={MOMENTS} /></Form.Item>
              <Form.Item name={['review', 'key']} label="Xem đáp án đúng"><Select options={MOMENTS} /></Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="Người phải làm bài" className="form-card">
          <Form.Item name="targetUnitIds" label="Toàn bộ cán bộ, giáo viên của các đơn vị (kể cả đơn vị trực thuộc)">
            <TreeSelect treeData={unitTree} treeCheckable showCheckedStrategy={TreeSelect.SHOW_PARENT} aria-label="Đơn vị làm bài"
              placeholder="Chọn đơn vị" style={{ width: '100%' }} treeDefaultExpandedKeys={forest.roots.map((r) => r.id)}
              showSearch={{ filterTreeNode: (input, node) => fold(String((node as { title?: unknown }).title ?? '')).includes(fold(input)) }} />
          </Form.Item>
          <Form.Item name="inviteePersonIds" label="Và những người sau">
            <PeopleSelect initial={(existing?.invitees ?? []).map((p) => ({ value: p.personId, label: `${p.fullName} — ${p.unitName}` }))} />
          </Form.Item>
        </Card>

        <Flex gap={8} justify="flex-end" className="form-actions">
          <Button onClick={() => navigate(id === null ? '/bai-khao-sat' : `/bai-khao-sat/${id}`)}>Hủy</Button>
          <Button type="primary" htmlType="submit" loading={saving}>{id === null ? 'Tạo bản nháp' : 'Lưu'}</Button>
        </Flex>
      </Form>
    </>
  );
}
