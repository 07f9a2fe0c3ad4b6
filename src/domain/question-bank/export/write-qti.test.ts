import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { TINY_PNG } from '../docx/docx-test-builder.ts';
import type { ParsedQuestion } from '../types.ts';
import { MATCH_CORRECT, escapeXml, writeQtiZip } from './write-qti.ts';

const option = (letter: string, text: string, correct = false, pinned = false) => ({ letter, text, correct, pinned, images: [] });

const QUESTIONS: ParsedQuestion[] = [
  {
    number: 1,
    line: 1,
    stem: 'Nếu x < 5 & y > 2 thì "x + y" bằng bao nhiêu?\nChọn đáp án đúng.',
    topic: null,
    difficulty: null,
    images: [{ contentType: 'image/png', data: TINY_PNG }],
    options: [option('A', '3'), option('B', "Không xác định <'>", true), option('C', '7'), option('D', 'Cả A và C', false, true)],
  },
  {
    number: 2,
    line: 5,
    stem: 'Câu thứ hai?',
    topic: 'Chuyên đề 1',
    difficulty: 'recognition',
    images: [],
    options: [option('A', 'Đúng', true), option('B', 'Sai')],
  },
];

describe('writeQtiZip', () => {
  it('packages one assessmentItem per question with a manifest', async () => {
    const zip = await JSZip.loadAsync(await writeQtiZip(QUESTIONS, { title: 'Đề cương & ôn tập' }));
    const manifest = await zip.file('imsmanifest.xml')!.async('string');
    expect(manifest.match(/type="imsqti_item_xmlv2p1"/g)).toHaveLength(2);
    expect(manifest).toContain('href="items/q0001.xml"');
    expect(manifest).toContain('href="items/q0002.xml"');
    expect(manifest).toContain('<file href="items/images/q0001_s1.png"/>');
    expect(manifest).toContain('Đề cương &amp; ôn tập');
    expect(
      Object.keys(zip.files)
        .filter((name) => !zip.files[name].dir)
        .sort(),
    ).toEqual(['imsmanifest.xml', 'items/images/q0001_s1.png', 'items/q0001.xml', 'items/q0002.xml']);
    expect(await zip.file('items/images/q0001_s1.png')!.async('uint8array')).toEqual(TINY_PNG);
  });

  it('writes the correct response, fixed flags and escaped text', async () => {
    const zip = await JSZip.loadAsync(await writeQtiZip(QUESTIONS));
    const xml = await zip.file('items/q0001.xml')!.async('string');
    expect(xml).toMatch(
      /<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">\s*<correctResponse>\s*<value>choice_B<\/value>\s*<\/correctResponse>/,
    );
    expect(xml).toContain('<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">');
    expect(xml).toContain('<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">');
    expect(xml).toContain('<simpleChoice identifier="choice_D" fixed="true">Cả A và C</simpleChoice>');
    expect(xml).toContain('<simpleChoice identifier="choice_A">3</simpleChoice>');
    expect(xml.match(/fixed="true"/g)).toHaveLength(1);
    expect(xml).toContain('<p>Nếu x &lt; 5 &amp; y &gt; 2 thì &quot;x + y&quot; bằng bao nhiêu?</p>');
    expect(xml).toContain('<p>Chọn đáp án đúng.</p>');
    expect(xml).toContain('Không xác định &lt;&apos;&gt;');
    expect(xml).toContain('<img src="images/q0001_s1.png" alt="Hình 1" width="1" height="1"/>');
    expect(xml).toContain(`<responseProcessing template="${MATCH_CORRECT}"/>`);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('writes a rich stem as XHTML: strong, em, underline span and a table', async () => {
    const rich: ParsedQuestion = {
      number: 1,
      line: 1,
      stem: 'Đâu không phải là nhiệm vụ?\nNăm | Sự kiện & ghi chú',
      topic: null,
      difficulty: null,
      images: [],
      stemRich: [
        {
          type: 'paragraph',
          runs: [
            { text: 'Đâu ' },
            { text: 'không', bold: true, italic: true },
            { text: ' phải là ' },
            { text: 'nhiệm vụ', underline: true },
            { text: '?' },
          ],
        },
        { type: 'table', rows: [[[{ text: 'Năm', bold: true }], [{ text: 'Sự kiện & ghi chú' }]]] },
      ],
      options: [option('A', 'Một', true), option('B', 'Hai')],
    };
    const zip = await JSZip.loadAsync(await writeQtiZip([rich]));
    const xml = await zip.file('items/q0001.xml')!.async('string');
    expect(xml).toContain('<p>Đâu <strong><em>không</em></strong> phải là <span class="underline">nhiệm vụ</span>?</p>');
    expect(xml).toMatch(
      /<table>\s*<tbody>\s*<tr><td><strong>Năm<\/strong><\/td><td>Sự kiện &amp; ghi chú<\/td><\/tr>\s*<\/tbody>\s*<\/table>/,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });
});
