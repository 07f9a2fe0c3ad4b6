import { Descriptions, Tag, type DescriptionsProps } from 'antd';
import type { Person } from '../api/people.ts';
import { formatDateVi, genderLabel, positionLabel } from '../lib/format.ts';

const dash = <span className="muted">—</span>;
const orDash = (value: string | null | undefined) => (value ? value : dash);

/** Every field of a person, as label/value rows. */
export function PersonDescriptions({ person, column = 1 }: { person: Person; column?: DescriptionsProps['column'] }) {
  const items: DescriptionsProps['items'] = [
    { key: 'fullName', label: 'Họ và tên', children: <strong>{person.fullName}</strong> },
    { key: 'birthDate', label: 'Ngày sinh', children: orDash(formatDateVi(person.birthDate)) },
    { key: 'gender', label: 'Giới tính', children: orDash(genderLabel(person.gender)) },
    { key: 'staffId', label: 'Mã định danh', children: orDash(person.staffId) },
    { key: 'citizenId', label: 'Số CCCD', children: orDash(person.citizenId) },
    { key: 'unit', label: 'Đơn vị', children: person.unitName },
    { key: 'position', label: 'Chức vụ', children: orDash(positionLabel(person.position)) },
    {
      key: 'party',
      label: 'Đảng viên',
      children: person.partyMember ? <>Có{person.partyJoinedOn ? `, vào Đảng ngày ${formatDateVi(person.partyJoinedOn)}` : ''}</> : 'Không',
    },
    { key: 'theory', label: 'Trình độ LLCT', children: orDash(person.theoryLevel) },
    { key: 'phone', label: 'Điện thoại', children: orDash(person.phone) },
    { key: 'email', label: 'Email', children: orDash(person.email) },
    ...(person.extraMinutes
      ? [{ key: 'extra', label: 'Thời gian cộng thêm khi làm khảo sát', children: `${person.extraMinutes} phút` }]
      : []),
    {
      key: 'active',
      label: 'Trạng thái',
      children: person.active ? <Tag color="blue">Đang công tác</Tag> : <Tag>Đã nghỉ</Tag>,
    },
  ];
  return <Descriptions bordered size="small" column={column} items={items} styles={{ label: { width: 150 } }} />;
}
