import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('empties null and undefined, keeps numbers and booleans', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(false)).toBe('false');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers written as text', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+49 40 123')).toBe("'+49 40 123");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('3.5')).toBe('3.5');
  });
});

describe('a CSV file', () => {
  it('has a byte-order mark, translated headers and CRLF rows', () => {
    const csv = toCsv(
      [
        { header: 'name', value: (row: { name: string; n: number }) => row.name },
        { header: 'n', value: (row: { name: string; n: number }) => row.n },
      ],
      [
        { name: 'Müller, Anna', n: 1 },
        { name: 'Berger', n: 2 },
      ],
      (key) => key.toUpperCase(),
    );
    expect(csv).toBe('\uFEFFNAME,N\r\n"Müller, Anna",1\r\nBerger,2\r\n');
  });
});
