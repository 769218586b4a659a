/** The `--help` text. */

/** Usage of the tierwise command. */
export const HELP = `tierwise — classify customers into tiers (RFM, ABC, customer pyramid)

Usage:
  tierwise classify <input.csv|input.xlsx> [options]

Input: transactions (customer, date, amount — optionally invoice, or quantity and unit price)
or one row per customer (customer and value; ABC and pyramid). Columns are found from their
headers (English, 中文, Spanish, French, German, Portuguese, Italian, Dutch, Japanese) and
values; the options below override them. COL is a header name, a 1-based column number or a
column letter. Before the summary, stderr says what was read: encoding, delimiter, header row,
decimal mark, date order and the column taken for each role.

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
                                 amount ≤ 0 and cancelled ("C…") invoices
      --bins N                   RFM scores per measure, 2–10 (default 5)
      --a-share X                ABC: cumulative value share of class A (default 0.8)
      --b-share X                ABC: cumulative value share of classes A+B (default 0.95)
      --pyramid-cuts P,G,I       pyramid: customer shares where Platinum, Gold, Iron end
                                 (default 0.01,0.2,0.5)
      --sheet NAME               worksheet to read from an .xlsx (default: the first)
      --encoding NAME            CSV text encoding (default: BOM, else UTF-8 if valid, else
                                 detected: gb18030, big5, shift_jis, windows-1252, macintosh…)
      --decimal ,|.              decimal mark of numbers (default: decided from the values)
      --date-order dmy|mdy|ymd   order of dates such as 05/03/2024 (default: decided from the
                                 values, else assumed from the locale — and said)
      --lenient                  skip (and count) CSV rows with an unbalanced quote instead of
                                 stopping at the line where it starts
      --duplicates sum|error     customer table with a repeated id: sum its rows (default) or stop
  -o, --out FILE                 output: .xlsx (workbook), .csv (customer table), .json; "-" = stdout
      --format json|csv|xlsx     output format (default: from --out, else JSON on stdout)
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
