import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { assessmentsApi, type MonitorView } from '../../api/assessments.ts';
import { useAction } from '../../hooks/useAction.ts';

type Person = MonitorView['people'][number];

/** "+30 phút" under the deadline: the person's default, or this survey's own value. */
export function ExtraTimeNote({ person }: { person: Person }) {
  if (person.extraMinutesSource === 'person' && person.extraMinutes === 0) return null;
  return (
    <div className="muted">
      {person.extraMinutes > 0 ? `Cộng thêm ${person.extraMinutes} phút` : 'Không cộng thêm'}
      {person.extraMinutesSource === 'survey' ? ' (riêng bài này)' : ''}
    </div>
  );
}

/**
 * Extra time for one person in this survey, set before they start (proctors and organisers; audited by the server).
 * Once the person has started, "Gia hạn" in the attempt's actions is what adds minutes.
 */
export function ExtraTimeAction({ assessmentId, person, onDone }: { assessmentId: number; person: Person; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const { run: act, pending: saving } = useAction();
  const [form] = Form.useForm<{ minutes: number; reason: string }>();
  if (person.state === 'in_progress') return null;

  const run = (work: () => Promise<{ minutes: number }>) =>
    act(
      async () => {
        const r = await work();
        setOpen(false);
        onDone();
        return r;
      },
      {
        success: (r) =>
          r.minutes > 0
            ? `${person.fullName} được cộng thêm ${r.minutes} phút khi làm bài.`
            : `${person.fullName} không được cộng thêm thời gian.`,
      },
    );

  return (
    <>
      <Button
        size="small"
        icon={<ClockCircleOutlined />}
        aria-label={`Thời gian cộng thêm cho ${person.fullName}`}
        title="Thời gian cộng thêm"
        onClick={() => {
          form.setFieldsValue({ minutes: person.extraMinutes, reason: '' });
          setOpen(true);
        }}
      />
      <Modal
        open={open}
        title={`Thời gian cộng thêm — ${person.fullName}`}
        okText="Lưu"
        cancelText="Đóng"
        destroyOnHidden
        okButtonProps={{ loading: saving }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        footer={(_, { OkBtn, CancelBtn }) => (
          <>
            {person.extraMinutesSource === 'survey' && (
              <Button disabled={saving} onClick={() => void run(() => assessmentsApi.clearExtraTime(assessmentId, person.personId))}>
                Dùng mặc định của người này
              </Button>
            )}
            <CancelBtn />
            <OkBtn />
          </>
        )}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void run(() => assessmentsApi.setExtraTime(assessmentId, person.personId, v.minutes, v.reason.trim() || undefined))
          }
        >
          <p className="muted">
            Áp dụng khi người này bắt đầu làm bài: hạn nộp = thời gian làm bài (không quá giờ đóng bài) cộng số phút này, nên có thể sau giờ
            đóng bài. Người đã bắt đầu làm thì dùng "Gia hạn thời gian".
          </p>
          <Form.Item name="minutes" label="Số phút cộng thêm" rules={[{ required: true, message: 'Nhập số phút (0 nếu không cộng thêm)' }]}>
            <InputNumber min={0} max={240} step={5} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="reason" label="Lý do">
            <Input.TextArea rows={2} maxLength={500} placeholder="Ví dụ: giáo viên khuyết tật vận động; điểm trường mạng yếu" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
