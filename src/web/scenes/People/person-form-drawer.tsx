import { Alert, AutoComplete, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { GENDERS, GENDER_LABELS, POSITIONS, POSITION_LABELS, type Gender, type Position } from '../../../domain/roster.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { peopleApi, type Person, type PersonDetail, type PersonInput } from '../../api/people.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import type { UnitForest, UnitNode } from '../../lib/unit-tree.ts';

export type PersonFormMode = { kind: 'create'; unitId: number } | { kind: 'edit'; person: PersonDetail };

interface Values {
  fullName: string;
  birthDate: Dayjs | null;
  gender: Gender | null;
  staffId: string;
  citizenId: string;
  unitId: number;
  position: Position;
  partyMember: boolean;
  partyJoinedOn: Dayjs | null;
  theoryLevel: string;
  phone: string;
  email: string;
  active: boolean;
  extraMinutes: number | null;
}

const THEORY_LEVELS = ['Sơ cấp', 'Trung cấp', 'Cao cấp', 'Cử nhân'].map((value) => ({ value }));
const DATE_FORMAT = 'DD/MM/YYYY';

// The server names the faulty field either by its key or by its Vietnamese label.
const FIELD_OF: Record<string, keyof Values> = {
  fullName: 'fullName',
  'Họ và tên': 'fullName',
  staffId: 'staffId',
  staff_id: 'staffId',
  'Mã định danh': 'staffId',
  citizenId: 'citizenId',
  citizen_id: 'citizenId',
  'Số CCCD': 'citizenId',
  phone: 'phone',
  'Điện thoại': 'phone',
  email: 'email',
  Email: 'email',
  birthDate: 'birthDate',
  'Ngày sinh': 'birthDate',
  partyJoinedOn: 'partyJoinedOn',
  'Ngày vào Đảng': 'partyJoinedOn',
  unitId: 'unitId',
  extraMinutes: 'extraMinutes',
};

const day = (iso: string | null) => (iso ? dayjs(iso) : null);
const text = (value: string | undefined | null) => (value && value.trim() ? value.trim() : null);

function initialValues(mode: PersonFormMode): Partial<Values> {
  if (mode.kind === 'create') {
    return { unitId: mode.unitId, position: 'teacher', partyMember: false, active: true, gender: null, extraMinutes: 0 };
  }
  const p = mode.person;
  return {
    fullName: p.fullName,
    birthDate: day(p.birthDate),
    gender: p.gender,
    staffId: p.staffId ?? '',
    citizenId: p.citizenId ?? '',
    unitId: p.unitId,
    position: p.position,
    partyMember: p.partyMember,
    partyJoinedOn: day(p.partyJoinedOn),
    theoryLevel: p.theoryLevel ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    active: p.active,
    extraMinutes: p.extraMinutes,
  };
}

function toInput(v: Values): PersonInput {
  return {
    fullName: v.fullName.trim(),
    unitId: v.unitId,
    position: v.position,
    birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
    gender: v.gender ?? null,
    staffId: text(v.staffId),
    citizenId: text(v.citizenId),
    partyMember: v.partyMember,
    partyJoinedOn: v.partyMember && v.partyJoinedOn ? v.partyJoinedOn.format('YYYY-MM-DD') : null,
    theoryLevel: text(v.theoryLevel),
    phone: text(v.phone),
    email: text(v.email),
    active: v.active,
    extraMinutes: v.extraMinutes ?? 0,
  };
}

interface Props {
  mode: PersonFormMode | null;
  forest: UnitForest;
  canWriteAt: (unit: UnitNode) => boolean;
  onClose: () => void;
  onSaved: (person: Person) => void;
}

/**
 * Adds a person or edits one; the server checks every field and its message is shown on the form.
 * Mount it with a new `key` for each opening: the form's store outlives the drawer's content.
 */
export function PersonFormDrawer({ mode, forest, canWriteAt, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const isPhone = useIsPhone();
  const { run, pending: saving, error, setError } = useAction({ errors: 'inline' });
  const partyMember = Form.useWatch('partyMember', form);
  // Keep the titles of the last mode while the drawer slides closed.
  const [lastMode, setLastMode] = useState(mode);
  if (mode && mode !== lastMode) setLastMode(mode);
  const shown = mode ?? lastMode;

  useEffect(() => setError(null), [mode, setError]);

  const handleFinish = async (values: Values) => {
    if (!mode) return;
    await run(
      async () => {
        const input: Partial<PersonInput> = toInput(values);
        // A roster may give only the year of birth: kept as the year unless the date is changed here.
        const stored = mode.kind === 'edit' ? mode.person.birthDate : null;
        if (stored && /^\d{4}$/.test(stored) && values.birthDate?.isSame(day(stored), 'day')) delete input.birthDate;
        onSaved(mode.kind === 'create' ? await peopleApi.create(input as PersonInput) : await peopleApi.update(mode.person.id, input));
      },
      {
        // The server names the faulty field: its message goes on that field as well.
        onError: (err) => {
          const field = err instanceof ApiError ? (err.details as { field?: string } | undefined)?.field : undefined;
          const name = field ? FIELD_OF[field] : undefined;
          if (name) form.setFields([{ name, errors: [errorMessage(err)] }]);
        },
      },
    );
  };

  const half = isPhone ? 24 : 12;
  return (
    <Drawer
      open={mode !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={shown?.kind === 'edit' ? `Sửa thông tin: ${shown.person.fullName}` : 'Thêm người'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {shown?.kind === 'edit' ? 'Lưu' : 'Thêm người'}
          </Button>
        </Flex>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {mode && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initialValues(mode)}
          onFinish={(v) => void handleFinish(v)}
          scrollToFirstError
        >
          <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}>
            <Input maxLength={120} autoFocus />
          </Form.Item>
          <Row gutter={12}>
            <Col span={half}>
              <Form.Item label="Ngày sinh" name="birthDate">
                <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item label="Giới tính" name="gender">
                <Select allowClear placeholder="Chọn giới tính" options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item label="Mã định danh" name="staffId" extra="Dùng làm tên đăng nhập.">
                <Input inputMode="numeric" maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item label="Số CCCD" name="citizenId" extra="12 chữ số.">
                <Input inputMode="numeric" maxLength={30} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="Đơn vị" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitTreeSelect forest={forest} disabled={(u) => !canWriteAt(u)} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={half}>
              <Form.Item label="Chức vụ" name="position" rules={[{ required: true, message: 'Chọn chức vụ' }]}>
                <Select options={POSITIONS.map((p) => ({ value: p, label: POSITION_LABELS[p] }))} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item label="Trình độ LLCT" name="theoryLevel">
                <AutoComplete options={THEORY_LEVELS} placeholder="Sơ cấp, Trung cấp, Cao cấp, Cử nhân" />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item label="Đảng viên" name="partyMember" valuePropName="checked">
                <Switch checkedChildren="Có" unCheckedChildren="Không" />
              </Form.Item>
            </Col>
            <Col span={half}>
              {partyMember && (
                <Form.Item label="Ngày vào Đảng" name="partyJoinedOn">
                  <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
                </Form.Item>
              )}
            </Col>
            <Col span={half}>
              <Form.Item label="Điện thoại" name="phone">
                <Input inputMode="tel" maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item label="Email" name="email">
                <Input type="email" maxLength={120} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label="Thời gian cộng thêm khi làm khảo sát (phút)"
            name="extraMinutes"
            extra="Ví dụ 15 hoặc 30 phút cho người khuyết tật hoặc ở nơi mạng yếu. Áp dụng cho mọi bài khảo sát (hạn nộp của người này có thể sau giờ đóng bài chừng ấy phút); từng bài có thể đặt riêng ở trang Giám sát. Để 0 nếu không cộng thêm."
          >
            <InputNumber min={0} max={240} step={5} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            label="Đang công tác"
            name="active"
            valuePropName="checked"
            extra="Tắt khi người này đã nghỉ hưu hoặc chuyển ra ngoài ngành."
          >
            <Switch checkedChildren="Có" unCheckedChildren="Không" />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
