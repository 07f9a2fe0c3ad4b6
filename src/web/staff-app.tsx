import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { RequireAuth, RequireCapability, HomeRedirect, NoRole } from './components/require-auth.tsx';
import { NotFound } from './components/not-found.tsx';
import { theme } from './theme.ts';
import { staffLocale } from './lib/locale.ts';
import { installDateEnterGuard } from './lib/date-enter-guard.ts';
import { quietIcons } from './lib/quiet-icons.ts';
import './styles/staff.css';

dayjs.locale('vi');
quietIcons();
installDateEnterGuard();

const PeopleScene = lazy(() => import('./scenes/People/index.tsx'));
const RosterImportScene = lazy(() => import('./scenes/RosterImport/index.tsx'));
const GrantsScene = lazy(() => import('./scenes/Grants/index.tsx'));
const AuditScene = lazy(() => import('./scenes/Audit/index.tsx'));
const MyPageScene = lazy(() => import('./scenes/MyPage/index.tsx'));
const BanksScene = lazy(() => import('./scenes/Banks/index.tsx'));
const BankScene = lazy(() => import('./scenes/Bank/index.tsx'));
const QuestionImportScene = lazy(() => import('./scenes/QuestionImport/index.tsx'));
const AssessmentsScene = lazy(() => import('./scenes/Assessments/index.tsx'));
const AssessmentScene = lazy(() => import('./scenes/Assessment/index.tsx'));
const AssessmentEditorScene = lazy(() => import('./scenes/AssessmentEditor/index.tsx'));
const MonitorScene = lazy(() => import('./scenes/Monitor/index.tsx'));
const CampaignsScene = lazy(() => import('./scenes/Campaigns/index.tsx'));
const CampaignScene = lazy(() => import('./scenes/Campaign/index.tsx'));
const ProctoringScene = lazy(() => import('./scenes/Proctoring/index.tsx'));
const AttendanceScene = lazy(() => import('./scenes/Attendance/index.tsx'));
const CheckinScene = lazy(() => import('./scenes/Checkin/index.tsx'));
const ClassesScene = lazy(() => import('./scenes/Classes/index.tsx'));
const TrainingClassScene = lazy(() => import('./scenes/TrainingClass/index.tsx'));
const ClassReportScene = lazy(() => import('./scenes/ClassReport/index.tsx'));
const EventsScene = lazy(() => import('./scenes/Events/index.tsx'));
const EventScene = lazy(() => import('./scenes/Event/index.tsx'));
const CellMeetingsScene = lazy(() => import('./scenes/CellMeetings/index.tsx'));

export default function StaffApp() {
  return (
    <ConfigProvider locale={staffLocale} theme={theme}>
      <AntApp>
        <Routes>
          <Route element={<RequireAuth />}>
            <Route index element={<HomeRedirect />} />
            <Route
              path="nhan-su"
              element={
                <RequireCapability capability="roster.read">
                  <PeopleScene />
                </RequireCapability>
              }
            />
            <Route
              path="nhap-excel"
              element={
                <RequireCapability capability="roster.write">
                  <RosterImportScene />
                </RequireCapability>
              }
            />
            <Route
              path="phan-quyen"
              element={
                <RequireCapability capability="accounts.manage">
                  <GrantsScene />
                </RequireCapability>
              }
            />
            <Route
              path="nhat-ky"
              element={
                <RequireCapability capability="audit.read">
                  <AuditScene />
                </RequireCapability>
              }
            />
            <Route
              path="ngan-hang"
              element={
                <RequireCapability capability="bank.manage">
                  <BanksScene />
                </RequireCapability>
              }
            />
            <Route
              path="ngan-hang/:id"
              element={
                <RequireCapability capability="bank.manage">
                  <BankScene />
                </RequireCapability>
              }
            />
            <Route
              path="ngan-hang/:id/nhap"
              element={
                <RequireCapability capability="bank.manage">
                  <QuestionImportScene />
                </RequireCapability>
              }
            />
            <Route
              path="bai-khao-sat"
              element={
                <RequireCapability capability="assessment.monitor">
                  <AssessmentsScene />
                </RequireCapability>
              }
            />
            <Route
              path="bai-khao-sat/moi"
              element={
                <RequireCapability capability="assessment.manage">
                  <AssessmentEditorScene />
                </RequireCapability>
              }
            />
            <Route
              path="bai-khao-sat/:id"
              element={
                <RequireCapability capability="assessment.monitor">
                  <AssessmentScene />
                </RequireCapability>
              }
            />
            <Route
              path="bai-khao-sat/:id/sua"
              element={
                <RequireCapability capability="assessment.manage">
                  <AssessmentEditorScene />
                </RequireCapability>
              }
            />
            <Route
              path="bai-khao-sat/:id/giam-sat"
              element={
                <RequireCapability capability="assessment.monitor">
                  <MonitorScene />
                </RequireCapability>
              }
            />
            <Route
              path="dot-boi-duong"
              element={
                <RequireCapability capability="training.read">
                  <CampaignsScene />
                </RequireCapability>
              }
            />
            <Route
              path="dot-boi-duong/:id"
              element={
                <RequireCapability capability="training.read">
                  <CampaignScene />
                </RequireCapability>
              }
            />
            <Route path="diem-danh" element={<ProctoringScene />} />
            <Route path="diem-danh/buoi/:id" element={<AttendanceScene />} />
            <Route path="cua-toi/diem-danh" element={<CheckinScene />} />
            <Route
              path="lop-boi-duong"
              element={
                <RequireCapability capability="training.read">
                  <ClassesScene />
                </RequireCapability>
              }
            />
            <Route
              path="lop-boi-duong/:id"
              element={
                <RequireCapability capability="training.read">
                  <TrainingClassScene />
                </RequireCapability>
              }
            />
            <Route
              path="bao-cao-lop"
              element={
                <RequireCapability capability="training.read">
                  <ClassReportScene />
                </RequireCapability>
              }
            />
            <Route
              path="hoi-nghi"
              element={
                <RequireCapability capability="training.read">
                  <EventsScene />
                </RequireCapability>
              }
            />
            <Route
              path="hoi-nghi/:id"
              element={
                <RequireCapability capability="training.read">
                  <EventScene />
                </RequireCapability>
              }
            />
            <Route
              path="sinh-hoat-chi-bo"
              element={
                <RequireCapability capability="meetings.record">
                  <CellMeetingsScene />
                </RequireCapability>
              }
            />
            <Route path="cua-toi" element={<MyPageScene />} />
            <Route path="chua-co-quyen" element={<NoRole />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
