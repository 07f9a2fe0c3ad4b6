import { Timeline, Typography } from 'antd';
import type { QuestionDetail } from '../../api/banks.ts';
import { formatDateTimeVi } from '../../lib/format.ts';

/** The question's versions, newest first: when, by whom, and which assessments use each. */
export function EditorVersions({ detail }: { detail: QuestionDetail }) {
  return (
    <>
      <Typography.Text type="secondary" strong>
        Lịch sử phiên bản
      </Typography.Text>
      <Timeline
        style={{ marginTop: 12 }}
        items={[...detail.versions].reverse().map((v) => ({
          color: v.version === detail.version ? 'green' : 'gray',
          content: (
            <div>
              <strong>Phiên bản {v.version}</strong>
              {v.version === detail.version && ' (hiện tại)'}
              <div className="muted" style={{ fontSize: 12 }}>
                {formatDateTimeVi(v.createdAt)}
                {v.createdBy ? ` · ${v.createdBy}` : ''}
              </div>
              {v.usedBy.length > 0 && <div style={{ fontSize: 12 }}>Dùng trong: {v.usedBy.map((a) => a.title).join('; ')}</div>}
            </div>
          ),
        }))}
      />
    </>
  );
}
