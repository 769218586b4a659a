/** `tierwise --help` fits a 100-column terminal: no line is longer than 100 characters. */
import { HELP } from '../../src/cli/help';

describe('--help', () => {
  it('has no line over 100 characters (counted as characters, not bytes)', () => {
    const long = HELP.split('\n')
      .map((line, i) => ({ line: i + 1, length: [...line].length, text: line }))
      .filter((l) => l.length > 100);
    expect(long).toEqual([]);
  });

  it('still lists every method in its first lines and the -o, --out flag', () => {
    expect(HELP.split('\n\n')[0]).toMatch(/^tierwise — classify customers into tiers \(RFM, ABC, Pyramid, [^)]*Rules\)$/);
    expect(HELP).toMatch(/^ {2}-o, --out FILE {17}output: .*\n {33}"-" = stdout$/m);
  });
});
