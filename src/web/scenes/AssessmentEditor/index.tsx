import { Alert, App, Button, Card, Flex, Form, Skeleton } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import type { AssessmentValues } from './assessment-form.ts';
import { GeneralSection } from './general-section.tsx';
import { ParticipantsSection } from './participants-section.tsx';
import { QuestionsSection } from './questions-section.tsx';
import { ScoringSection } from './scoring-section.tsx';
import { TimingSection } from './timing-section.tsx';
import { useAssessmentEditor } from './use-assessment-editor.ts';

/** Creates or edits an assessment; once published, only what cannot change anyone's answers stays editable. */
export default function AssessmentEditorScene() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssessmentValues>();
  const campaignFromLink = Number(useSearchParams()[0].get('dot')) || null;
  const editor = useAssessmentEditor(id, form, campaignFromLink);
  const { existing, published, error, saving } = editor;

  const handleSave = async (values: AssessmentValues) => {
    const target = await editor.save(values);
    if (target === null) return;
    message.success(id === null ? 'Đã tạo bài khảo sát (bản nháp).' : 'Đã lưu bài khảo sát.');
    navigate(`/bai-khao-sat/${target}`);
  };

  if (editor.loading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  return (
    <>
      <PageHeader
        title={id === null ? 'Tạo bài khảo sát' : `Sửa: ${existing?.title ?? ''}`}
        subtitle={published ? 'Bài đã phát hành: câu hỏi, mã đề, thời gian làm bài và cách chấm không thể thay đổi.' : undefined}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<AssessmentValues> form={form} layout="vertical" onFinish={handleSave} requiredMark={false} disabled={saving} scrollToFirstError>
        <GeneralSection
          forest={editor.forest}
          banks={editor.banks}
          campaigns={editor.campaigns}
          earlier={editor.earlier}
          published={published}
        />
        <TimingSection published={published} />
        <QuestionsSection published={published} topics={editor.topics} questionOptions={editor.questionOptions} />
        <ScoringSection published={published} />
        <ParticipantsSection forest={editor.forest} existing={existing} />
        <Flex gap={8} justify="flex-end" className="form-actions">
          <Button onClick={() => navigate(id === null ? '/bai-khao-sat' : `/bai-khao-sat/${id}`)}>Hủy</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {id === null ? 'Tạo bản nháp' : 'Lưu'}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
