/** IMS QTI 2.1 content package (zip): one assessmentItem with a choiceInteraction per question. */
import JSZip from 'jszip';
import { normalizeText } from '../../text.ts';
import { blocksOfPlainText, normalizeBlocks, type RichBlock, type RichRun } from '../rich-text.ts';
import type { ParsedImage, ParsedQuestion } from '../types.ts';
import { fitWidth, imageInfo } from './image-info.ts';

export interface WriteQtiOptions {
  title?: string;
}

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const QTI_XSD = 'http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd';
export const MATCH_CORRECT = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct';
const MAX_IMAGE_WIDTH = 600;

/** Escapes XML text/attribute content and drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return (
    text
      // C0 controls but tab, line feed and carriage return (\p{Cc} less those and U+007F–U+009F); U+FFFE, U+FFFF.
      .replace(/(?![\t\n\r\u007f-\u009f])\p{Cc}|[\ufffe\uffff]/gu, '')
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  );
}

function lines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map(normalizeText)
    .filter(Boolean);
}

/**
 * Inline XHTML of runs. QTI 2.1's XHTML subset has strong and em but no u: underline is a span of class "underline"
 * (a <u> would make the item fail schema validation in QTI tools).
 */
function runsXhtml(runs: RichRun[]): string {
  return runs
    .map((run) => {
      let out = escapeXml(run.text);
      if (run.underline) out = `<span class="underline">${out}</span>`;
      if (run.italic) out = `<em>${out}</em>`;
      if (run.bold) out = `<strong>${out}</strong>`;
      return out;
    })
    .join('');
}

function stemXhtml(blocks: RichBlock[]): string[] {
  return blocks.map((block) =>
    block.type === 'paragraph'
      ? `      <p>${runsXhtml(block.runs)}</p>`
      : [
          '      <table>',
          '        <tbody>',
          ...block.rows.map((cells) => `          <tr>${cells.map((cell) => `<td>${runsXhtml(cell)}</td>`).join('')}</tr>`),
          '        </tbody>',
          '      </table>',
        ].join('\n'),
  );
}

export const itemId = (index: number): string => `q${String(index + 1).padStart(4, '0')}`;

interface ItemFile {
  id: string;
  href: string;
  xml: string;
  images: { path: string; data: Uint8Array }[];
}

function buildItem(question: ParsedQuestion, index: number): ItemFile {
  const id = itemId(index);
  const images: ItemFile['images'] = [];
  const imgTags = (list: ParsedImage[], owner: string): string =>
    list
      .map((image, i) => {
        const info = imageInfo(image);
        if (!info) return '';
        const name = `${id}_${owner}${i + 1}.${info.extension}`;
        images.push({ path: `items/images/${name}`, data: image.data });
        const { width, height } = fitWidth(info, MAX_IMAGE_WIDTH);
        return `<img src="images/${name}" alt="${escapeXml(`Hình ${i + 1}`)}" width="${width}" height="${height}"/>`;
      })
      .join('');

  const choiceIds = question.options.map((_o, i) => `choice_${String.fromCharCode(65 + i)}`);
  const correct = choiceIds.filter((_c, i) => question.options[i].correct);
  const cardinality = correct.length > 1 ? 'multiple' : 'single';
  const stemLines = lines(question.stem);
  const stem = stemXhtml(question.stemRich ? normalizeBlocks(question.stemRich) : blocksOfPlainText(question.stem));
  const stemImages = imgTags(question.images, 's');
  if (stemImages) stem.push(`      <p>${stemImages}</p>`);
  const choices = question.options.map((option, i) => {
    const body = lines(option.text).map(escapeXml).join('<br/>') + imgTags(option.images, `${String.fromCharCode(97 + i)}`);
    const fixed = option.pinned ? ' fixed="true"' : '';
    return `      <simpleChoice identifier="${choiceIds[i]}"${fixed}>${body}</simpleChoice>`;
  });
  const title = escapeXml(`Câu ${index + 1}${stemLines[0] ? `: ${stemLines[0].slice(0, 80)}` : ''}`);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
    `    xsi:schemaLocation="${QTI_NS} ${QTI_XSD}"`,
    `    identifier="${id}" title="${title}" adaptive="false" timeDependent="false" xml:lang="vi">`,
    `  <responseDeclaration identifier="RESPONSE" cardinality="${cardinality}" baseType="identifier">`,
    ...(correct.length > 0 ? ['    <correctResponse>', ...correct.map((c) => `      <value>${c}</value>`), '    </correctResponse>'] : []),
    '  </responseDeclaration>',
    '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">',
    '    <defaultValue><value>0</value></defaultValue>',
    '  </outcomeDeclaration>',
    '  <itemBody>',
    '    <div>',
    ...stem,
    '    </div>',
    `    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="${cardinality === 'single' ? 1 : 0}">`,
    ...choices,
    '    </choiceInteraction>',
    '  </itemBody>',
    `  <responseProcessing template="${MATCH_CORRECT}"/>`,
    '</assessmentItem>',
    '',
  ].join('\n');
  return { id, href: `items/${id}.xml`, xml, images };
}

function manifest(items: ItemFile[], title: string): string {
  const resources = items.map((item) =>
    [
      `    <resource identifier="RES_${item.id}" type="imsqti_item_xmlv2p1" href="${item.href}">`,
      `      <file href="${item.href}"/>`,
      ...item.images.map((image) => `      <file href="${image.path}"/>`),
      '    </resource>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:imsmd="http://ltsc.ieee.org/xsd/LOM"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd"',
    '    identifier="MANIFEST_QUESTION_BANK">',
    '  <metadata>',
    '    <schema>QTIv2.1 Package</schema>',
    '    <schemaversion>1.0.0</schemaversion>',
    `    <imsmd:lom><imsmd:general><imsmd:title><imsmd:string language="vi">${escapeXml(title)}</imsmd:string></imsmd:title></imsmd:general></imsmd:lom>`,
    '  </metadata>',
    '  <organizations/>',
    '  <resources>',
    ...resources,
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** The zip: imsmanifest.xml, items/q0001.xml…, items/images/* (SVG/EMF/WMF images are left out). */
export async function writeQtiZip(questions: ParsedQuestion[], options: WriteQtiOptions = {}): Promise<Uint8Array> {
  const items = questions.map(buildItem);
  const zip = new JSZip();
  zip.file('imsmanifest.xml', manifest(items, normalizeText(options.title ?? '') || 'Ngân hàng câu hỏi'));
  for (const item of items) {
    zip.file(item.href, item.xml);
    for (const image of item.images) zip.file(image.path, image.data);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
