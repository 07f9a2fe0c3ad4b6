import { Alert, Checkbox, Flex, Typography } from 'antd';
import { formatCount } from '../../lib/format.ts';

const SHOWN_UNITS = 12;

interface Props {
  units: string[];
  confirmed: boolean;
  onConfirmedChange: (confirmed: boolean) => void;
}

/**
 * Units the file names that do not exist yet. Nothing is created unless the organiser ticks the box: a unit written
 * differently from the one already there ("TH Lũng Pô") would otherwise become a second school.
 */
export function NewUnits({ units, confirmed, onConfirmedChange }: Props) {
  const more = units.length - SHOWN_UNITS;
  return (
    <Alert
      type="warning"
      showIcon
      title={`Tệp nêu ${formatCount(units.length)} đơn vị chưa có trong hệ thống`}
      description={
        <Flex vertical gap={6}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {units.slice(0, SHOWN_UNITS).map((u) => (
              <li key={u}>{u}</li>
            ))}
            {more > 0 && <li>và {formatCount(more)} đơn vị khác</li>}
          </ul>
          <Typography.Text type="secondary">
            Tên viết tắt (MN, TH, THCS, PTDTBT, TT GDNN-GDTX…) và thiếu dấu đã được so với các đơn vị có sẵn. Nếu đơn vị đã có mà vẫn hiện ở
            đây, hãy sửa tên trong tệp cho giống tên trong hệ thống rồi tải lên lại.
          </Typography.Text>
          <Checkbox checked={confirmed} onChange={(e) => onConfirmedChange(e.target.checked)}>
            Tôi đã kiểm tra: tạo mới {formatCount(units.length)} đơn vị này
          </Checkbox>
        </Flex>
      }
    />
  );
}
