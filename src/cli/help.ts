/** The `--help` text. */

/** Usage of the tierwise command. */
export const HELP = `tierwise — classify customers into tiers (RFM, ABC, customer pyramid)

Usage:
  tierwise classify <input.csv|input.xlsx> [options]

Input: transactions (customer, date, amount — optionally invoice, or quantity and unit price)
or one row per customer (customer and value; ABC and pyramid). Columns are found from their
headers (English or 中文) and values; the options below override them. COL is a header name,
a 1-based column number or a column letter.

Options:
  -m, --method rfm|abc|pyramid   classification method (default rfm)
      --customer COL             customer id column
      --date COL                 transaction date column
      --amount COL               amount column (net of returns unless --returns drop)
      --invoice COL              invoice column (frequency = distinct invoices; "C…" = cancelled)
      --quantity COL             quantity column (amount = quantity × price)
      --price COL                unit price column
      --value COL                value column of a one-row-per-customer table
      --as-of YYYY-MM-DD         measure recency to this day; rows on or after it are left out
                                 (default: the day after the last transaction)
      --returns net|drop         net: returns reduce monetary (default); drop: skip rows with
                                 amount ≤ 0 and cancelled ("C…") invoices. Either way frequency,
                                 first and last purchase count purchases only
      --bins N                   RFM scores per measure, 2–10 (default 5)
      --a-share X                ABC: cumulative value share of class A (default 0.8)
      --b-share X                ABC: cumulative value share of classes A+B (default 0.95)
      --abc-rule reach|within    ABC: reach (default): A while the customers above hold less than
                                 a-share, so the customer crossing it is A; within: A while the
                                 share including the customer is ≤ a-share
      --pyramid-cuts P,G,I       pyramid: customer shares where Platinum, Gold, Iron end
                                 (default 0.01,0.2,0.5)
      --sheet NAME               worksheet to read from an .xlsx (default: the first)
  -o, --out FILE                 output: .xlsx (workbook), .csv (customer table), .json; "-" = stdout
      --format json|csv|xlsx     output format (default: from --out, else JSON on stdout)
      --raw-csv                  CSV output: write text as it is (default: text starting with
                                 = + - @ tab or CR gets a leading ' so it cannot run as a formula)
  -f, --force                    overwrite an existing output file
      --lang en|zh-CN            language of the output headers and labels (default en)
  -q, --quiet                    no summary lines on stderr
  -h, --help                     this help
  -v, --version                  the version

Examples:
  tierwise classify examples/transactions.csv --out tiers.xlsx
  tierwise classify examples/customers.csv --method abc --out - 
  tierwise classify sales.xlsx --sheet 2024 --method pyramid --out tiers.csv
  tierwise classify online_retail.csv --returns drop --as-of 2011-12-10 --out rfm.xlsx
`;
