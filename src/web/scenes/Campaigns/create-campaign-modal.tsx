import { DatePicker, Form, Input, InputNumber, Modal, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect } from 'react';
import { trainingApi } from '../../api/training.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { canAt } from '../../lib/permissions.ts';
import { ancestorIds, topmostUnit, type UnitNode } from '../../lib/unit-tree.ts';

interface Values {
  name: string;
  schoolYear: string;
  unitId: number;
  dates?: [Dayjs, Dayjs];
  ruleOn: boolean;
  percent?: number;
}

export function CreateCampaignModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const { me } = useSignedIn();
  const { forest } = useUnits();
  const [form] = Form.useForm<Values>();
  const { run, pending: saving, error, setError } = useAction({ errors: 'inline' });
  const ruleOn = Form.useWatch('ruleOn', form);
  const canManageAt = useCallback((u: UnitNode) => canAt(me.grants, 'training.manage', ancestorIds(forest, u.id)), [me, forest]);

  useEffect(() => {
    if (!open || form.getFieldValue('unitId')) return;
    const first = topmostUnit(forest, canManageAt);
    if (first) form.setFieldValue('unitId', first.id);
  }, [open, forest, canManageAt, form]);

  const submit = (v: Values) =>
    run(
      async () => {
        const { id } = await trainingApi.createCampaign({
          name: v.name,
          schoolYear: v.schoolYear,
          unitId: v.unitId,
          startsOn: v.dates?.[0].format('YYYY-MM-DD') ?? null,
          endsOn: v.dates?.[1].format('YYYY-MM-DD') ?? null,
          attendanceRequiredPercent: v.ruleOn ? (v.percent ?? 100) : null,
        });
        form.resetFields();
        onCreated(id);
      },
      { success: 'Đã tạo đợt bồi dưỡng.' },
    );

  const year = new Date().getFullYear();
  return (
    <Modal
      open={open}
      title="Tạo đợt bồi dưỡng"
      okText="Tạo"
      cancelText="Hủy"
      confirmLoading={saving}
      forceRender
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        name="campaign"
        layout="vertical"
        requiredMark="optional"
        onFinish={(v) => void submit(v)}
        initialValues={{ schoolYear: `${year - 1}–${year}`, ruleOn: false, percent: 100 }}
      >
        <Form.Item name="name" label="Tên đợt" rules={[{ required: true, whitespace: true, message: 'Nhập tên đợt bồi dưỡng.' }]}>
          <Input maxLength={300} placeholder={`Bồi dưỡng chính trị hè năm học ${year - 1}–${year}`} />
        </Form.Item>
        <Form.Item name="schoolYear" label="Năm học" rules={[{ required: true, message: 'Nhập năm học.' }]}>
          <Input maxLength={20} style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="Đơn vị tổ chức"
          htmlFor="campaign-unit"
          rules={[{ required: true, message: 'Chọn đơn vị tổ chức.' }]}
        >
          <UnitTreeSelect id="campaign-unit" aria-label="Đơn vị tổ chức" forest={forest} disabled={(u) => !canManageAt(u)} />
        </Form.Item>
        <Form.Item name="dates" label="Thời gian">
          <DatePicker.RangePicker format="DD/MM/YYYY" placeholder={['Từ ngày', 'Đến ngày']} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ruleOn" label="Phải tham dự mới được làm bài khảo sát" valuePropName="checked">
          <Switch aria-label="Phải tham dự mới được làm bài khảo sát" />
        </Form.Item>
        {ruleOn && (
          <Form.Item name="percent" label="Tỷ lệ buổi tối thiểu phải có mặt (%)" extra="Có mặt hoặc đi muộn đều tính là tham dự.">
            <InputNumber min={1} max={100} />
          </Form.Item>
        )}
        {error && (
          <div role="alert" className="form-error">
            {error}
          </div>
        )}
      </Form>
    </Modal>
  );
}
