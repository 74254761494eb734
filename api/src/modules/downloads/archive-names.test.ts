import { describe, expect, it } from 'vitest';
import { archiveFileNames } from './archive-names.js';

const JPEG = 'image/jpeg';
const one = (filename: string, contentType = JPEG) => archiveFileNames([{ filename, contentType }])[0]!;
const bytes = (name: string) => Buffer.byteLength(name);

describe('archiveFileNames', () => {
  it('keeps an ordinary name', () => {
    expect(one('Hochzeit Müller 001.jpg')).toBe('Hochzeit Müller 001.jpg');
  });

  it.each([
    ['../../etc/passwd', 'passwd.jpg'],
    ['/etc/passwd', 'passwd.jpg'],
    ['C:\\Windows\\x.jpg', 'x.jpg'],
    ['..\\..\\boot.ini', 'boot.jpg'],
    ['photos/2024/', '2024.jpg'],
    ['..', 'image.jpg'],
    ['\u0000evil.jpg', 'evil.jpg'],
    ['line\nbreak\r.jpg', 'linebreak.jpg'],
    ['.bashrc', 'image.jpg'],
    ['...hidden.jpg', 'hidden.jpg'],
    ['trailing. . .jpg', 'trailing.jpg'],
    ['a<b>c:d"e|f?g*h.jpg', 'a_b_c_d_e_f_g_h.jpg'],
    ['C:x.jpg', 'C_x.jpg'],
    ['gpj.\u202eexe', 'gpj.jpg'],
    ['', 'image.jpg'],
    ['   ', 'image.jpg'],
  ])('makes %j safe: %j', (hostile, safe) => {
    expect(one(hostile)).toBe(safe);
  });

  it('never yields a path, a hidden file, a control or a character Windows refuses', () => {
    const hostile = ['../../etc/passwd', 'C:\\Windows\\x.jpg', '\u0000evil.jpg', '.bashrc', '.', 'a/b\\c/..', '\u0007\u001b[31m.jpg', 'x\u2028y.jpg'];
    for (const name of archiveFileNames(hostile.map((filename) => ({ filename, contentType: JPEG })))) {
      expect(name).not.toMatch(/[/\\<>:"|?*\p{Cc}\u2028]/u);
      expect(name).not.toMatch(/^[.\s]|[.\s]$/u);
      expect(name).not.toContain('..');
      expect(name.length).toBeGreaterThan(4);
    }
  });

  it('makes the extension match the content type, keeping accepted spellings', () => {
    const names = archiveFileNames([
      { filename: 'a.png', contentType: JPEG },
      { filename: 'b.JPEG', contentType: JPEG },
      { filename: 'c.jpeg', contentType: JPEG },
      { filename: 'd.exe', contentType: 'image/png' },
      { filename: 'e', contentType: 'image/webp' },
      { filename: 'f.tiff', contentType: 'image/tiff' },
      { filename: 'g.jpg', contentType: 'image/tiff' },
      { filename: 'scan.2024', contentType: JPEG },
      { filename: 'evil.jpg.exe', contentType: JPEG },
      { filename: 'notes.txt', contentType: 'application/octet-stream' },
    ]);
    expect(names).toEqual(['a.jpg', 'b.JPEG', 'c.jpeg', 'd.png', 'e.webp', 'f.tiff', 'g.tif', 'scan.2024.jpg', 'evil.jpg.jpg', 'notes.txt']);
  });

  it('normalises to NFC', () => {
    const decomposed = 'Lumie\u0300re.jpg';
    expect(one(decomposed)).toBe('Lumière.jpg');
    expect(one(decomposed)).toBe(one(decomposed).normalize('NFC'));
  });

  it('cuts long names to 150 UTF-8 bytes on a character boundary and keeps the extension', () => {
    // 300 code points of 1 to 4 bytes; q + U+0301 has no precomposed form, so NFC keeps it two.
    const longName = `${'Ä€😀q\u0301'.repeat(60)}.jpeg`;
    const [name, copy] = archiveFileNames([
      { filename: longName, contentType: JPEG },
      { filename: longName, contentType: JPEG },
    ]);
    for (const cut of [name!, copy!]) {
      expect(bytes(cut)).toBeLessThanOrEqual(150);
      expect(bytes(cut)).toBeGreaterThan(140);
      expect(cut).not.toContain('\ufffd');
      expect(Buffer.from(cut, 'utf8').toString('utf8')).toBe(cut);
      // A letter is never cut from its combining accent.
      expect(cut).not.toMatch(/q(?!\u0301)/u);
    }
    expect(name).toMatch(/^Ä€😀q\u0301.*\.jpeg$/u);
    expect(copy).toMatch(/ \(2\)\.jpeg$/);
    expect(name).not.toBe(copy);
  });

  it('drops a whole letter-with-accent rather than splitting it', () => {
    // 144 + 3 bytes of stem do not fit beside ".jpg"; cutting by code point would keep a bare "q".
    expect(one(`${'x'.repeat(144)}q\u0301.jpg`)).toBe(`${'x'.repeat(144)}.jpg`);
  });

  it('numbers duplicates, ignoring case, in input order', () => {
    const names = archiveFileNames(
      ['a.jpg', 'A.JPG', 'dir/a.jpg', 'a.png', 'a (2).jpg', 'Straße.jpg', 'STRASSE.jpg'].map((filename) => ({ filename, contentType: JPEG })),
    );
    expect(names).toEqual(['a.jpg', 'A (2).JPG', 'a (3).jpg', 'a (4).jpg', 'a (2) (2).jpg', 'Straße.jpg', 'STRASSE (2).jpg']);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('prefixes Windows-reserved names', () => {
    const names = archiveFileNames(
      ['con.jpg', 'NUL', 'Com1.jpg', 'lpt9.tar.jpg', 'aux .jpg', 'console.jpg', 'com10.jpg'].map((filename) => ({ filename, contentType: JPEG })),
    );
    expect(names).toEqual(['_con.jpg', '_NUL.jpg', '_Com1.jpg', '_lpt9.tar.jpg', '_aux.jpg', 'console.jpg', 'com10.jpg']);
  });

  it('returns one name per item, in order', () => {
    expect(archiveFileNames([])).toEqual([]);
    const items = Array.from({ length: 50 }, (_, index) => ({ filename: index % 2 ? 'x.jpg' : `${index}.png`, contentType: index % 2 ? JPEG : 'image/png' }));
    const names = archiveFileNames(items);
    expect(names).toHaveLength(50);
    expect(names[0]).toBe('0.png');
    expect(names[1]).toBe('x.jpg');
    expect(names[3]).toBe('x (2).jpg');
  });
});
