import {
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  EditOutlined,
  FlagOutlined,
  FormOutlined,
  IdcardOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/auth.ts';
import { hasCapability, type Capability } from '../lib/permissions.ts';

interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  visible: (me: Me) => boolean;
}

const by = (capability: Capability) => (me: Me) => hasCapability(me.grants, capability);

export const NAV_ITEMS: NavItem[] = [
  { path: '/nhan-su', label: 'Nhân sự', icon: <TeamOutlined />, visible: by('roster.read') },
  { path: '/nhap-excel', label: 'Nhập từ Excel', icon: <CloudUploadOutlined />, visible: by('roster.write') },
  { path: '/ngan-hang', label: 'Ngân hàng câu hỏi', icon: <DatabaseOutlined />, visible: by('bank.manage') },
  { path: '/dot-boi-duong', label: 'Đợt bồi dưỡng', icon: <ReadOutlined />, visible: by('training.read') },
  { path: '/lop-boi-duong', label: 'Lớp bồi dưỡng', icon: <BookOutlined />, visible: by('training.read') },
  { path: '/hoi-nghi', label: 'Hội nghị, tập huấn', icon: <SolutionOutlined />, visible: by('training.read') },
  { path: '/sinh-hoat-chi-bo', label: 'Sinh hoạt chi bộ', icon: <FlagOutlined />, visible: by('meetings.record') },
  { path: '/diem-danh', label: 'Điểm danh', icon: <CheckSquareOutlined />, visible: (me) => me.grants.some((g) => g.role === 'proctor') },
  { path: '/bai-khao-sat', label: 'Bài khảo sát', icon: <FormOutlined />, visible: by('assessment.monitor') },
  { path: '/phan-quyen', label: 'Phân quyền', icon: <SafetyCertificateOutlined />, visible: by('accounts.manage') },
  { path: '/nhat-ky', label: 'Nhật ký thay đổi', icon: <AuditOutlined />, visible: by('audit.read') },
  { path: '/thi', label: 'Bài khảo sát của tôi', icon: <EditOutlined />, visible: (me) => me.personId !== null },
  // The light page a teacher uses; staff who take part in a campaign reach it from here.
  { path: '/thi/lich-hoc', label: 'Lịch học, tài liệu', icon: <CalendarOutlined />, visible: (me) => me.personId !== null },
  { path: '/cua-toi', label: 'Trang của tôi', icon: <IdcardOutlined />, visible: (me) => me.personId !== null },
];

export function NavMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAV_ITEMS.filter((item) => item.visible(me));
  const selected = items.find((item) => location.pathname.startsWith(item.path))?.path;
  return (
    <nav aria-label="Chức năng chính">
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        items={items.map((item) => ({ key: item.path, icon: item.icon, label: item.label }))}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
