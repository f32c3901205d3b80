import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, xml, xmlDocument, xmlSafe } from './xml.ts';

describe('escapeXml', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['</title><script>', '&lt;/title&gt;&lt;script&gt;'],
    ['"quoted" \'single\'', '&quot;quoted&quot; &apos;single&apos;'],
    [']]>', ']]&gt;'],
    ['&amp;', '&amp;amp;'],
    ['Выборы «2026»', 'Выборы «2026»'],
    ['بودجه ۱۴۰۵', 'بودجه ۱۴۰۵'],
    ['emoji 🙂 stays', 'emoji 🙂 stays'],
  ])('%j → %j', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });

  it.each([
    ['NUL', 'a\u0000b', 'ab'],
    ['bell and escape', 'a\u0007\u001Bb', 'ab'],
    ['vertical tab and form feed', 'a\u000B\u000Cb', 'ab'],
    ['U+FFFE / U+FFFF', 'a\uFFFE\uFFFFb', 'ab'],
    ['lone high surrogate', 'a\uD83Db', 'ab'],
    ['lone low surrogate', 'a\uDE42b', 'ab'],
  ])('drops %s, which XML 1.0 forbids', (_name, input, output) => {
    expect(xmlSafe(input)).toBe(output);
  });

  it('keeps tab, newline and carriage return, which XML allows', () => {
    expect(xmlSafe('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });
});

describe('xml template', () => {
  it('escapes values, keeps fragments, flattens arrays and skips empty values', () => {
    const items = ['<a>', 'b&c'].map((t) => xml`<item>${t}</item>`);
    const out = xml`<root x="${'"q"'}">${items}${undefined}${null}${false}${xml`<n>${3}</n>`}</root>`;
    expect(out.markup).toBe('<root x="&quot;q&quot;"><item>&lt;a&gt;</item><item>b&amp;c</item><n>3</n></root>');
  });

  it('produces documents a parser reads back to the original text, whatever the text', () => {
    const hostile = '</title><script>alert(1)</script> & ]]> "\'\u0000\u0008 Выборы ۱۴۰۵';
    const doc = xmlDocument(xml`<feed><title type="text" label="${hostile}">${hostile}</title></feed>`);
    expect(XMLValidator.validate(doc)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, parseTagValue: false }).parse(doc);
    const expected = hostile.replace(/[\u0000\u0008]/g, '');
    expect(parsed.feed.title['#text']).toBe(expected);
    expect(parsed.feed.title['@_label']).toBe(expected);
  });
});
