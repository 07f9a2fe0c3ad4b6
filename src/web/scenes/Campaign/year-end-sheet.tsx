import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { downloadFile } from '../../api/client.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useUnits } from '../../hooks/useUnits.ts';
import { canAt } from '../../lib/permissions.ts';
import { ancestorIds, topmostUnit, type UnitNode } from '../../lib/unit-tree.ts';

/** The year-end sheet of a unit (Excel or PDF to sign), for those who read the unit's training and survey figures. */
export function YearEndSheetCard({ campaignId }: { campaignId: number }) {
  const { me } = useSignedIn();
  const { forest } = useUnits();
  const [unitId, setUnitId] = useState<number | null>(null);
  const { run, running: busy } = useAction();
  const readsAt = useCallback(
    (u: UnitNode) => {
      const ids = ancestorIds(forest, u.id);
      return canAt(me.grants, 'training.read', ids) && canAt(me.grants, 'assessment.monitor', ids);
    },
    [me, forest],
  );

  useEffect(() => {
    if (unitId !== null) return;
    const first = topmostUnit(forest, readsAt);
    if (first) setUnitId(first.id);
  }, [forest, readsAt, unitId]);

  if (!topmostUnit(forest, readsAt)) return null;
  const download = async (format: 'xlsx' | 'pdf') => {
    if (unitId === null) return;
    await run(
      () =>
        downloadFile(`/api/campaigns/${campaignId}/year-end-sheet?unitId=${unitId}&format=${format}`, {
          fallbackName: `danh-sach-cuoi-nam.${format}`,
        }),
      { key: format },
    );
  };
  return (
    <Card size="small" title="Danh sách cuối năm học" style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Mỗi người của đơn vị với kết quả khảo sát và xếp loại, chuyên cần các buổi học của đợt và việc hoàn thành lớp bồi dưỡng tại trung
        tâm — một trong những căn cứ để đánh giá, xếp loại và xét danh hiệu thi đua cuối năm học. Khi bài khảo sát đã đóng, danh sách là
        những người phải làm bài lúc đóng bài.
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <UnitTreeSelect
          aria-label="Đơn vị lập danh sách"
          forest={forest}
          value={unitId}
          onChange={setUnitId}
          disabled={(u) => !readsAt(u)}
          style={{ minWidth: 280 }}
        />
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={unitId === null} onClick={() => download('xlsx')}>
          Tải danh sách (Excel)
        </Button>
        <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={unitId === null} onClick={() => download('pdf')}>
          Tải bản in để ký (PDF)
        </Button>
      </Flex>
    </Card>
  );
}
