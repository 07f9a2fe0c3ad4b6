import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, List, Select, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { POSITION_LABELS, labelOf } from '../../../domain/roster.ts';
import { errorMessage } from '../../api/client.ts';
import { trainingApi, type Campaign, type Lecturer } from '../../api/training.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { percent, periodText } from '../../lib/training-format.ts';

const NO_LECTURERS: Lecturer[] = [];

export function OverviewTab({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const { message } = App.useApp();
  const loadLecturers = useCallback(() => (campaign.canManage ? trainingApi.lecturers() : Promise.resolve(NO_LECTURERS)), [campaign.canManage]);
  const { data: lecturers } = useLoader(loadLecturers, NO_LECTURERS);
  const [form] = Form.useForm<{ name: string; lecturerId?: number }>();
  const [saving, setSaving] = useState(false);

  const addTopic = async (v: { name: string; lecturerId?: number }) => {
    setSaving(true);
    try {
      await trainingApi.createTopic(campaign.id, { name: v.name, lecturerId: v.lecturerId ?? null });
      form.resetFields();
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card title="Thông tin chung">
        <Descriptions column={{ xs: 1, md: 2 }} items={[
          { key: 'year', label: 'Năm học', children: campaign.schoolYear },
          { key: 'period', label: 'Thời gian', children: periodText(campaign.startsOn, campaign.endsOn) },
          { key: 'unit', label: 'Đơn vị tổ chức', children: campaign.unitName },
          { key: 'rule', label: 'Điều kiện làm bài khảo sát', children: campaign.attendanceRequiredPercent === null
            ? 'Không yêu cầu chuyên cần' : `Tham dự ít nhất ${percent(campaign.attendanceRequiredPercent, 0)} số buổi của điểm cầu` },
          { key: 'targets', label: 'Đối tượng tham dự', span: 2, children: campaign.targets.length === 0 ? 'Chưa xác định'
            : <Flex gap={4} wrap>{campaign.targets.map((t) => (
              <Tag key={t.unitId}>{t.unitName}{t.positions.length ? ` — ${t.positions.map((p) => labelOf(POSITION_LABELS, p)).join(', ')}` : ''}</Tag>))}</Flex> },
        ]} />
      </Card>
      <Card title={`Chuyên đề (${campaign.topics.length})`}>
        <List dataSource={campaign.topics} locale={{ emptyText: 'Chưa có chuyên đề nào.' }}
          renderItem={(t, i) => (
            <List.Item>
              <List.Item.Meta title={`${i + 1}. ${t.name}`} description={t.lecturerName ? `Báo cáo viên: ${t.lecturerName}` : 'Chưa phân công báo cáo viên'} />
            </List.Item>
          )} />
        {campaign.canManage && (
          <Form form={form} name="topic" layout="inline" onFinish={(v) => void addTopic(v)} style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item name="name" rules={[{ required: true, whitespace: true, message: 'Nhập tên chuyên đề.' }]} style={{ flex: '1 1 280px' }}>
              <Input placeholder="Tên chuyên đề mới" aria-label="Tên chuyên đề mới" maxLength={300} />
            </Form.Item>
            <Form.Item name="lecturerId" style={{ minWidth: 220 }}>
              <Select allowClear placeholder="Báo cáo viên" aria-label="Báo cáo viên" showSearch={{ optionFilterProp: 'label' }}
                options={lecturers.map((l) => ({ value: l.id, label: `${l.title ? `${l.title} ` : ''}${l.fullName}` }))} />
            </Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined />} loading={saving}>Thêm chuyên đề</Button>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
