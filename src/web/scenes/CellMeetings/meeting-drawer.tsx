import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { meetingsApi, type CriteriaSet, type MeetingDetail } from '../../api/cell-meetings.ts';
import type { Unit } from '../../api/units.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { percent } from '../../lib/training-format.ts';

interface Values {
  cellUnitId: number;
  topic: string;
  heldOn: Dayjs;
  chair?: string;
  secretary?: string;
  guests?: string;
  membersTotal?: number;
  membersPresent?: number;
  absentMembers?: string;
  criteriaSetId?: number;
  scores?: Record<string, number | null>;
  voteFor?: number;
  voteAgainst?: number;
  voteAbstain?: number;
  conclusion?: string;
  opinions?: { speaker: string; summary: string }[];
}

/** Records or edits one meeting: who, opinions, the score per criterion, the vote, the conclusion, the draft report. */
export function MeetingDrawer({
  meetingId,
  cells,
  onClose,
  onSaved,
}: {
  meetingId: number | 'new' | null;
  cells: Unit[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const { data: sets } = useLoader(meetingsApi.sets, [] as CriteriaSet[]);
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const setId = Form.useWatch('criteriaSetId', form);
  const set = sets.find((s) => s.id === setId);

  useEffect(() => {
    form.resetFields();
    setMeeting(null);
    if (typeof meetingId !== 'number') {
      if (meetingId === 'new') form.setFieldsValue({ heldOn: dayjs(), criteriaSetId: sets[0]?.id, cellUnitId: cells[0]?.id });
      return;
    }
    meetingsApi.get(meetingId).then(
      (m) => {
        setMeeting(m);
        form.setFieldsValue({
          ...m,
          heldOn: dayjs(m.heldOn),
          voteFor: m.vote.for ?? undefined,
          voteAgainst: m.vote.against ?? undefined,
          voteAbstain: m.vote.abstain ?? undefined,
          criteriaSetId: m.criteriaSetId ?? undefined,
          chair: m.chair ?? undefined,
          scores: Object.fromEntries(m.scores.map((s) => [String(s.criterionId), s.score])),
        } as unknown as Values);
      },
      (err) => message.error(errorMessage(err)),
    );
  }, [meetingId, form, sets, cells, message]);

  const save = async (v: Values) => {
    const scores = set
      ? set.criteria.filter((c) => v.scores?.[String(c.id)] != null).map((c) => ({ criterionId: c.id, score: v.scores![String(c.id)]! }))
      : [];
    const input = {
      topic: v.topic,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      chair: v.chair ?? null,
      secretary: v.secretary ?? null,
      guests: v.guests ?? null,
      membersTotal: v.membersTotal ?? null,
      membersPresent: v.membersPresent ?? null,
      absentMembers: v.absentMembers ?? null,
      criteriaSetId: v.criteriaSetId ?? null,
      voteFor: v.voteFor ?? null,
      voteAgainst: v.voteAgainst ?? null,
      voteAbstain: v.voteAbstain ?? null,
      conclusion: v.conclusion ?? null,
      opinions: (v.opinions ?? []).filter((o) => o?.speaker && o?.summary),
      scores,
    };
    try {
      if (typeof meetingId === 'number') await meetingsApi.update(meetingId, input);
      else await meetingsApi.create({ ...input, cellUnitId: v.cellUnitId });
      message.success('Đã lưu buổi sinh hoạt.');
      onSaved();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Drawer
      open={meetingId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 760}
      title={meeting ? `${meeting.cellName}: ${meeting.topic}` : 'Ghi buổi sinh hoạt chuyên đề'}
      extra={
        <Button type="primary" onClick={() => form.submit()}>
          Lưu
        </Button>
      }
    >
      {meeting && meeting.total !== null && (
        <Typography.Paragraph strong>
          Tổng điểm {meeting.total.toLocaleString('vi-VN')}/{meeting.max} — {meeting.rating}
          {meeting.vote.percentages ? ` · Biểu quyết tán thành ${percent(meeting.vote.percentages.for)}` : ''}
        </Typography.Paragraph>
      )}
      <Form form={form} name="meeting" layout="vertical" requiredMark="optional" onFinish={(v) => void save(v)}>
        {meetingId === 'new' && (
          <Form.Item name="cellUnitId" label="Chi bộ" rules={[{ required: true, message: 'Chọn chi bộ.' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={cells.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="topic" label="Chuyên đề" rules={[{ required: true, whitespace: true, message: 'Nhập chuyên đề.' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="heldOn" label="Ngày" rules={[{ required: true, message: 'Chọn ngày.' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="chair" label="Chủ trì">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="secretary" label="Thư ký">
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="membersTotal" label="Tổng số đảng viên">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="membersPresent" label="Có mặt">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="absentMembers" label="Vắng (tên, lý do)" style={{ flex: 1, minWidth: 220 }}>
            <Input maxLength={2000} />
          </Form.Item>
        </Flex>
        <Form.Item name="guests" label="Khách mời">
          <Input maxLength={1000} />
        </Form.Item>
        <Typography.Text strong>Ý kiến tham gia</Typography.Text>
        <Form.List name="opinions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ margin: '8px 0 16px' }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'speaker']} style={{ width: 180, margin: 0 }}>
                    <Input placeholder="Người phát biểu" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'summary']} style={{ flex: 1, margin: 0 }}>
                    <Input.TextArea autoSize placeholder="Tóm tắt ý kiến" />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label="Bỏ ý kiến" onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'flex-start' }}>
                Thêm ý kiến
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="conclusion" label="Kết luận">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="criteriaSetId" label="Bộ tiêu chí chấm điểm">
          <Select allowClear options={sets.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        {set?.criteria.map((c) => (
          <Form.Item key={c.id} name={['scores', String(c.id)]} label={`${c.name} (tối đa ${c.maxPoints})`}>
            <InputNumber min={0} max={c.maxPoints} step={0.5} />
          </Form.Item>
        ))}
        <Typography.Text strong>Biểu quyết nghị quyết</Typography.Text>
        <Flex gap={12} wrap style={{ marginTop: 8 }}>
          <Form.Item name="voteFor" label="Tán thành">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="voteAgainst" label="Không tán thành">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="voteAbstain" label="Không biểu quyết">
            <InputNumber min={0} />
          </Form.Item>
        </Flex>
        {typeof meetingId === 'number' && (
          <Flex gap={8} align="center" wrap>
            <Upload
              showUploadList={false}
              accept=".pdf,.docx"
              beforeUpload={(file) => {
                meetingsApi.uploadDraft(meetingId, file).then(
                  (r) => {
                    message.success(`Đã tải lên ${r.fileName}.`);
                    setMeeting((m) => m && { ...m, draftFileName: r.fileName });
                  },
                  (err) => message.error(errorMessage(err)),
                );
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>Tải dự thảo báo cáo (PDF, Word)</Button>
            </Upload>
            {meeting?.draftFileName && (
              <a href={`/api/cell-meetings/${meetingId}/draft`} target="_blank" rel="noopener">
                {meeting.draftFileName}
              </a>
            )}
          </Flex>
        )}
      </Form>
    </Drawer>
  );
}
