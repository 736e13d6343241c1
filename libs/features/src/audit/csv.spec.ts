import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\nthere']])).toBe('a,b\r\n"x,y","say ""hi""\nthere"\r\n');
  });
  it('defuses spreadsheet formulas', () => {
    expect(toCsv(['ua'], [['=HYPERLINK("http://evil")'], ['+1'], ['@SUM(A1)'], [null]])).toBe(
      'ua\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'+1\r\n\'@SUM(A1)\r\n\r\n',
    );
  });
});
