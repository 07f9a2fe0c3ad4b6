import { Card, Form, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { fold } from '../../../domain/text.ts';
import type { AssessmentDetail } from '../../api/assessments.ts';
import { unitSelectOptions, type UnitForest } from '../../lib/unit-tree.ts';
import { PeopleSelect } from './people-select.tsx';

interface Props {
  forest: UnitForest;
  existing: AssessmentDetail | null;
}

/** Who must take it: whole unit subtrees, and people named one by one. */
export function ParticipantsSection({ forest, existing }: Props) {
  const unitTree = useMemo(() => unitSelectOptions(forest), [forest]);
  return (
    <Card title="Người phải làm bài" className="form-card">
      <Form.Item name="targetUnitIds" label="Toàn bộ cán bộ, giáo viên của các đơn vị (kể cả đơn vị trực thuộc)">
        <TreeSelect
          treeData={unitTree}
          treeCheckable
          showCheckedStrategy={TreeSelect.SHOW_PARENT}
          aria-label="Đơn vị làm bài"
          placeholder="Chọn đơn vị"
          style={{ width: '100%' }}
          treeDefaultExpandedKeys={forest.roots.map((r) => r.id)}
          showSearch={{ filterTreeNode: (input, node) => fold(String((node as { title?: unknown }).title ?? '')).includes(fold(input)) }}
        />
      </Form.Item>
      <Form.Item name="inviteePersonIds" label="Và những người sau">
        <PeopleSelect initial={(existing?.invitees ?? []).map((p) => ({ value: p.personId, label: `${p.fullName} — ${p.unitName}` }))} />
      </Form.Item>
    </Card>
  );
}
