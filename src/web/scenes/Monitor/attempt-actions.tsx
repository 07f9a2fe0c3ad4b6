import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { MonitorView } from '../../api/assessments.ts';
import { assessmentsApi } from '../../api/assessments.ts';
import { useAction } from '../../hooks/useAction.ts';
import { formatDateTimeVi } from '../../lib/format.ts';

type Person = MonitorView['people'][number];
type Action = 'extend' | 'reopen' | 'void';

const TITLES: Record<Action, string> = { extend: 'Gia hạn thời gian làm bài', reopen: 'Mở lại bài đã nộp', void: 'Hủy bài làm' };

/** Extend (proctors and organisers), reopen and void (organisers); each is written to the audit log by the server. */
export function AttemptActions({
  person,
  canExtend,
  canManage,
  onDone,
}: {
  person: Person;
  canExtend: boolean;
  canManage: boolean;
  onDone: () => void;
}) {
  const [action, setAction] = useState<Action | null>(null);
  const { run, pending: saving } = useAction();
  const [form] = Form.useForm<{ minutes: number; reason: string }>();
  if (!person.attemptId) return null;
  const items = [
    canExtend && person.state === 'in_progress' && { key: 'extend', label: 'Gia hạn thời gian…' },
    canManage && person.state === 'submitted' && { key: 'reopen', label: 'Mở lại bài…' },
    canManage && person.state !== 'voided' && { key: 'void', label: 'Hủy bài làm…', danger: true },
  ].filter(Boolean) as { key: Action; label: string; danger?: boolean }[];
  if (items.length === 0) return null;

  const submit = (values: { minutes: number; reason: string }) =>
    run(
      async () => {
        const id = person.attemptId!;
        let done: string;
        if (action === 'extend') {
          const r = await assessmentsApi.extend(id, values.minutes, values.reason || undefined);
          done = `Đã gia hạn; hạn mới ${formatDateTimeVi(r.deadlineAt)}.`;
        } else if (action === 'reopen') {
          const r = await assessmentsApi.reopen(id, values.minutes, values.reason || undefined);
          done = `Đã mở lại bài đến ${formatDateTimeVi(r.deadlineAt)}.`;
        } else {
          await assessmentsApi.void(id, values.reason);
          done = 'Đã hủy bài làm.';
        }
        setAction(null);
        onDone();
        return done;
      },
      { success: (done) => done },
    );

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            form.resetFields();
            setAction(key as Action);
          },
        }}
      >
        <Button size="small" icon={<MoreOutlined />} aria-label={`Thao tác với bài làm của ${person.fullName}`} />
      </Dropdown>
      <Modal
        open={action !== null}
        title={action ? `${TITLES[action]} — ${person.fullName}` : ''}
        okText="Xác nhận"
        cancelText="Đóng"
        okButtonProps={{ danger: action === 'void', loading: saving }}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ minutes: 10, reason: '' }}>
          {action !== 'void' && (
            <Form.Item
              name="minutes"
              label={action === 'extend' ? 'Cộng thêm (phút)' : 'Thời gian làm tiếp (phút)'}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={240} style={{ width: 140 }} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label="Lý do"
            rules={action === 'void' ? [{ required: true, whitespace: true, message: 'Nhập lý do hủy' }] : []}
          >
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder={action === 'void' ? 'Ví dụ: nhờ người khác làm hộ' : 'Ví dụ: điện thoại hết pin'}
            />
          </Form.Item>
          {action === 'void' && <p className="muted">Bài bị hủy không được tính; người này có thể làm lại nếu bài còn mở.</p>}
        </Form>
      </Modal>
    </>
  );
}
