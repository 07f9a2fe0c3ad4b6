import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { banksApi, type Bank } from '../../api/banks.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ChooseFileStep } from './choose-file-step.tsx';
import { CommitStep } from './commit-step.tsx';
import { PreviewStep } from './preview-step.tsx';
import { stepOf, useQuestionImport } from './use-question-import.ts';

/** Import questions from Word, Excel, GIFT or Aiken: check every question first, then write the chosen ones. */
export default function QuestionImportScene() {
  const bankId = Number(useParams().id);
  const navigate = useNavigate();
  const [bank, setBank] = useState<Bank | null>(null);
  const { state, upload, commit, select, toggle, reset } = useQuestionImport(bankId);

  useEffect(() => {
    banksApi
      .list()
      .then((all) => setBank(all.find((b) => b.id === bankId) ?? null))
      .catch(() => setBank(null));
  }, [bankId]);

  const step = stepOf(state.phase);
  return (
    <>
      <Link to={`/ngan-hang/${bankId}`} className="back-link">
        <ArrowLeftOutlined /> {bank?.name ?? 'Ngân hàng câu hỏi'}
      </Link>
      <PageHeader title="Nhập câu hỏi" subtitle={bank ? `Vào ngân hàng ${bank.name} (${bank.code})` : undefined} />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: 'Chọn tệp' }, { title: 'Kiểm tra' }, { title: 'Ghi vào ngân hàng' }]}
        />
        {state.error && <Alert type="error" showIcon title={state.error} role="alert" style={{ marginBottom: 16 }} />}
        {step === 0 && <ChooseFileStep state={state} onFile={(file) => void upload(file)} />}
        {step === 1 && state.preview && (
          <PreviewStep
            fileName={state.fileName}
            preview={state.preview}
            selected={state.selected}
            onSelect={select}
            onToggle={toggle}
            onRestart={reset}
            onConfirm={() => void commit()}
          />
        )}
        {step === 2 && <CommitStep state={state} onShowBank={() => navigate(`/ngan-hang/${bankId}`)} onAnother={reset} />}
      </Card>
    </>
  );
}
