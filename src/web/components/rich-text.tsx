/**
 * Shows a question stem: paragraphs with bold/italic/underlined words and simple tables. Plain React + CSS (no antd,
 * no HTML strings) so the participant's exam page can use it too.
 */
import type { ReactNode } from 'react';
import { blocksOfPlainText, type RichBlock, type RichRun } from '../../domain/question-bank/rich-text.ts';
import './rich-text.css';

function Run({ run }: { run: RichRun }) {
  let node: ReactNode = run.text;
  if (run.underline) node = <u>{node}</u>;
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  return node;
}

function Runs({ runs }: { runs: RichRun[] }) {
  return runs.map((run, i) => <Run key={i} run={run} />);
}

/** The rich blocks when there are any, else the plain text (one paragraph per line). */
export function RichText({ blocks, text = '', className }: { blocks?: RichBlock[] | null; text?: string; className?: string }) {
  const content = blocks ?? blocksOfPlainText(text);
  return (
    <div className={className ? `rich-text ${className}` : 'rich-text'}>
      {content.map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i} className="rich-text__p">
            <Runs runs={block.runs} />
          </p>
        ) : (
          <div key={i} className="rich-text__table-wrap">
            <table className="rich-text__table">
              <tbody>
                {block.rows.map((cells, r) => (
                  <tr key={r}>
                    {cells.map((cell, c) => (
                      <td key={c}>
                        <Runs runs={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
    </div>
  );
}
