import { describe, expect, it } from 'vitest';
import { XmlStream, attributeValue, parseAttributes, type XmlHandler } from './xml-stream.ts';

/** Records events as text, merging adjacent text. */
function recorder(): XmlHandler & { events: string[] } {
  const events: string[] = [];
  return {
    events,
    open: (name, attributes, selfClosing) =>
      events.push(`<${name}${JSON.stringify(parseAttributes(attributes))}${selfClosing ? '/' : ''}>`),
    close: (name) => events.push(`</${name}>`),
    text: (text) => {
      if (events.length && events[events.length - 1].startsWith('"'))
        events[events.length - 1] = JSON.stringify(JSON.parse(events[events.length - 1]) + text);
      else events.push(JSON.stringify(text));
    },
  };
}

const options = (maxElements = 1000) => ({
  maxElements,
  tooManyElements: () => new Error('too many'),
  invalid: () => new Error('invalid'),
});

const XML =
  '<?xml version="1.0"?><w:p w:a="1 &amp; 2" b=\'x > "y"\'><!-- c > d --><w:t xml:space="preserve"> Hà &#x1EA0; &lt;Nội&gt; &#7857;</w:t>'
  + '<w:br/><![CDATA[a <b> c]]></w:p>';

describe('XmlStream', () => {
  it('gives the same events however the bytes are cut, multi-byte letters and entities included', () => {
    const whole = recorder();
    new XmlStream(whole, options()).writeBytes(Buffer.from(XML));
    const bytes = Buffer.from(XML);
    for (let size = 1; size <= 7; size++) {
      const cut = recorder();
      const stream = new XmlStream(cut, options());
      for (let at = 0; at < bytes.length; at += size) stream.writeBytes(bytes.subarray(at, at + size));
      stream.end();
      expect(cut.events).toEqual(whole.events);
    }
    expect(whole.events).toEqual([
      '<w:p{"w:a":"1 & 2","b":"x > \\"y\\""}>',
      '<w:t{"xml:space":"preserve"}>',
      '" Hà Ạ <Nội> ằ"',
      '</w:t>',
      '<w:brnull/>',
      '</w:br>',
      '"a <b> c"',
      '</w:p>',
    ]);
  });

  it('refuses a DOCTYPE (entity expansion) and unfinished markup', () => {
    expect(() => new XmlStream(recorder(), options()).write('<!DOCTYPE x [<!ENTITY a "aaaa">]><x/>')).toThrow('invalid');
    const stream = new XmlStream(recorder(), options());
    stream.write('<a><b attr="never closed');
    expect(() => stream.end()).toThrow('invalid');
  });

  it('counts elements as they come and stops at the budget', () => {
    const handler = recorder();
    const stream = new XmlStream(handler, options(3));
    expect(() => stream.write('<a><b/><c/><d/><e/></a>')).toThrow('too many');
    expect(handler.events.filter((e) => e.startsWith('<') && !e.startsWith('</'))).toHaveLength(3);
  });

  it('reads one attribute without the others', () => {
    expect(attributeValue(' r="A12" s="3" t="s"', 'r')).toBe('A12');
    expect(attributeValue(' xr:uid="{1}" r="B2"', 'r')).toBe('B2');
    expect(attributeValue(' rr="1"', 'r')).toBeUndefined();
    expect(attributeValue(" t='a&amp;b'", 't')).toBe('a&b');
  });
});
