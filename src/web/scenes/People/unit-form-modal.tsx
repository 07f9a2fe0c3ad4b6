import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import {
  SCHOOL_LEVELS,
  SCHOOL_LEVEL_LABELS,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  type SchoolLevel,
  type UnitKind,
} from '../../../domain/roster.ts';
import { unitsApi, type Unit } from '../../api/units.ts';
import { useAction } from '../../hooks/useAction.ts';

export type UnitFormMode = { kind: 'create'; parent: Unit } | { kind: 'edit'; unit: Unit };

interface Values {
  name: string;
  code?: string;
  kind: UnitKind;
  schoolLevel?: SchoolLevel | null;
  legacyDistrict?: string;
}

const KINDS_WITH_LEVEL = new Set<UnitKind>(['school', 'center']);

function initialValuesOf(mode: UnitFormMode | null): Partial<Values> {
  if (!mode) return {};
  if (mode.kind === 'edit') {
    const u = mode.unit;
    return { name: u.name, code: u.code, kind: u.kind, schoolLevel: u.schoolLevel, legacyDistrict: u.legacyDistrict ?? '' };
  }
  return { kind: mode.parent.kind === 'commune' ? 'school' : 'other', legacyDistrict: mode.parent.legacyDistrict ?? '' };
}

/** Adds a unit under a parent, or edits one. Mount it with a new `key` for each opening (fresh form store). */
export function UnitFormModal({
  mode,
  onClose,
  onSaved,
}: {
  mode: UnitFormMode | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { run, pending: saving, error, setError } = useAction({ errors: 'inline' });
  const kind = Form.useWatch('kind', form);

  useEffect(() => setError(null), [mode, setError]);

  // The form validates first (onFinish only runs on valid values): an empty submit shows its messages, never a rejection.
  const handleSave = async (values: Values) => {
    if (!mode) return;
    const input = {
      name: values.name.trim(),
      kind: values.kind,
      schoolLevel: KINDS_WITH_LEVEL.has(values.kind) ? (values.schoolLevel ?? null) : null,
      legacyDistrict: values.legacyDistrict?.trim() || null,
    };
    const code = values.code?.trim();
    await run(async () =>
      onSaved(
        mode.kind === 'create'
          ? await unitsApi.create({ ...input, parentId: mode.parent.id, ...(code ? { code } : {}) })
          : await unitsApi.update(mode.unit.id, { ...input, ...(code ? { code } : {}) }),
      ),
    );
  };

  const [lastMode, setLastMode] = useState(mode);
  if (mode && mode !== lastMode) setLastMode(mode);
  const shown = mode ?? lastMode;
  const title = shown?.kind === 'edit' ? 'Sửa đơn vị' : 'Thêm đơn vị trực thuộc';
  return (
    <Modal
      title={title}
      open={mode !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={shown?.kind === 'edit' ? 'Lưu' : 'Thêm đơn vị'}
      cancelText="Hủy"
      confirmLoading={saving}
      destroyOnHidden
    >
      {mode?.kind === 'create' && (
        <p className="muted" style={{ marginTop: 0 }}>
          Thuộc: <strong>{mode.parent.name}</strong>
        </p>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initialValuesOf(mode)} onFinish={(values) => void handleSave(values)}>
        <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, whitespace: true, message: 'Nhập tên đơn vị' }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          label="Mã đơn vị"
          name="code"
          extra={mode?.kind === 'create' ? 'Để trống để hệ thống tự tạo mã.' : 'Chữ không dấu, chữ số, dấu chấm, gạch ngang.'}
          rules={mode?.kind === 'edit' ? [{ required: true, whitespace: true, message: 'Nhập mã đơn vị' }] : []}
        >
          <Input maxLength={40} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item label="Loại đơn vị" name="kind" rules={[{ required: true, message: 'Chọn loại đơn vị' }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
        </Form.Item>
        {KINDS_WITH_LEVEL.has(kind) && (
          <Form.Item label="Cấp học" name="schoolLevel">
            <Select
              allowClear
              placeholder="Chọn cấp học"
              options={SCHOOL_LEVELS.map((l) => ({ value: l, label: SCHOOL_LEVEL_LABELS[l] }))}
            />
          </Form.Item>
        )}
        <Form.Item label="Huyện cũ (trước 01/07/2025)" name="legacyDistrict" extra="Chỉ để tra cứu, có thể để trống.">
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
