/**
 * npm run -s calibrate -- reliability --input FILE.csv
 * Prints one JSON object with Krippendorff's alpha, the six Shrout-Fleiss ICCs
 * and raw rater effects per dimension. Bad input: one line on stderr naming
 * the row, exit 1. See README, "Calibrating ratings from any tool".
 */
import fs from "node:fs";
import { parseRatingsCsv, RatingsCsvError, reliabilityReport } from "~/domain/reliability-report";

const USAGE = "Usage: npm run -s calibrate -- reliability --input FILE.csv";
const [command, ...rest] = process.argv.slice(2);
const inputFlag = rest.indexOf("--input");
const input = inputFlag === -1 ? undefined : rest[inputFlag + 1];

if (command !== "reliability" || !input) {
  console.error(USAGE);
  process.exit(2);
}

let text: string;
try {
  text = fs.readFileSync(input, "utf8");
} catch (error) {
  console.error(`calibrate: cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  process.exit(1);
}

try {
  process.stdout.write(`${JSON.stringify(reliabilityReport(parseRatingsCsv(text)))}\n`);
} catch (error) {
  if (error instanceof RatingsCsvError) {
    console.error(`calibrate: ${input}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
