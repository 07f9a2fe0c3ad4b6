import { Card, Steps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { canAt } from '../../lib/permissions.ts';
import { ancestorIds, topmostUnit, type UnitNode } from '../../lib/unit-tree.ts';
import { ChooseFileStep } from './choose-file-step.tsx';
import { CommitStep } from './commit-step.tsx';
import { PreviewStep } from './preview-step.tsx';
import { useRosterImport } from './use-roster-import.ts';

const STEP_OF = { choose: 0, uploading: 0, preview: 1, committing: 2, done: 2 } as const;

export default function RosterImportScene() {
  const { me } = useSignedIn();
  const navigate = useNavigate();
  const { forest } = useUnits();
  const { state, upload, commit, mapTitles, reset } = useRosterImport();
  const [underUnitId, setUnderUnitId] = useState<number | null>(null);

  const canWriteAt = useCallback((u: UnitNode) => canAt(me.grants, 'roster.write', ancestorIds(forest, u.id)), [me.grants, forest]);

  // Default: the user's top unit where they may write.
  useEffect(() => {
    if (underUnitId !== null) return;
    const first = topmostUnit(forest, canWriteAt);
    if (first) setUnderUnitId(first.id);
  }, [forest, canWriteAt, underUnitId]);

  const step = STEP_OF[state.phase];
  return (
    <>
      <PageHeader
        title="Nhập từ Excel"
        subtitle="Thêm hoặc cập nhật danh sách nhân sự từ tệp Excel; kiểm tra trước, ghi sau khi xác nhận."
      />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: 'Chọn tệp' }, { title: 'Xem trước' }, { title: 'Ghi dữ liệu' }]}
        />
        {step === 0 && (
          <ChooseFileStep
            state={state}
            forest={forest}
            underUnitId={underUnitId}
            onUnitChange={setUnderUnitId}
            canWriteAt={canWriteAt}
            onFile={(file) => underUnitId && void upload(underUnitId, file)}
          />
        )}
        {step === 1 && state.preview && (
          <PreviewStep
            preview={state.preview}
            error={state.error}
            commitProblems={state.commitProblems}
            onRestart={reset}
            onConfirm={(units) => void commit(units)}
            onMapTitles={(mappings) => mapTitles(mappings)}
          />
        )}
        {step === 2 && (
          <CommitStep state={state} onAnother={reset} onShowList={() => navigate(`/nhan-su?don-vi=${state.preview?.underUnit.id ?? ''}`)} />
        )}
      </Card>
    </>
  );
}
