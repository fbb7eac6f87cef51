import packageJson from '../../package.json';

/** One version, the package's. */
export const VERSION: string = packageJson.version;

export const HELP: Record<string, string> = {
  main: `gop ${VERSION} — read and validate MedCom genoptræningsplan (G-GOP) messages

Usage:
  gop validate [options] [PATH...]   validate files, directories (every *.xml, recursively), globs, or - (stdin)
  gop parse [--redact] FILE          print the typed model as JSON
  gop build [options] FILE.json      write a JSON model (or gop parse output) as G-GOP XML
  gop rules [--format text|json]     list the rule catalogue
  gop help [COMMAND]                 help for a command
  gop --version

Exit codes: 0 no errors; 1 errors found (or warnings over --max-warnings); 2 usage or I/O problem.`,
  validate: `gop validate [options] [PATH...]

Validates each message and prints a report. PATH is a file, a directory (every *.xml below it), a glob
("fixtures/**/*.xml", quoted) or - for standard input. Default PATH: the current directory.

Options:
  --format text|json|junit|sarif|github   output format (default text)
  --output FILE              write the report to FILE instead of standard output
  --lang da|en               language of the messages (default en)
  --redact                   mask CPR numbers (to DDMMYY-XXXX), names, street addresses, phone numbers and e-mail
                             addresses of the message in any spelling, and anything shaped like a CPR number, an
                             e-mail address or a Danish phone number; JSON reports say "redacted": true
  --max-warnings N           exit 1 when there are more than N warnings
  --rule ID=off|info|warning|error   change a rule's severity (repeatable)
  --config FILE              JSON file with the same settings (default: gop.config.json in the working directory)
  --reference-date YYYY-MM-DD   "today" for deadlines (default: today in Europe/Copenhagen)
  --jobs N                   worker threads (default: the number of cores, at most 3; one thread on 2 cores or fewer and for small batches)
  --quiet                    print errors only
  --exit-zero                exit 0 even when errors are found (still 2 on usage or I/O problems)
  --stdin-filename NAME      the name standard input (-) is reported under

Examples:
  gop validate fixtures
  gop validate --format sarif --output gop.sarif "messages/**/*.xml"
  gop validate --rule GOP-LAW-005=off --max-warnings 0 plan.xml
  cat plan.xml | gop validate --format json -`,
  parse: `gop parse [--redact] FILE

Reads FILE (or - for standard input) and prints the parse result as JSON: { ok, message | partial, findings, envelope }.
Exit 0 when the message was read, 1 when it could not be, 2 when the file cannot be opened.

Options:
  --redact   mask the model as gop validate --redact masks a report: CPR numbers to DDMMYY-XXXX; names, street
             addresses, phone numbers, e-mail addresses and the GP practice's name to ***; free text, kept-aside XML,
             findings and envelope redacted like report texts; the output says "redacted": true`,
  build: `gop build [--encoding UTF-8|ISO-8859-1] [--pretty] [--strict] [--redact] [--output FILE] FILE.json

Writes the model in FILE.json (or - for standard input) as a G-GOP message. FILE.json is a message object, or the
output of gop parse (its "message" is used). Refuses — exit 1, with every problem listed — a model that does not meet
the schema; with --strict also one with error findings. Exit 2 when the file cannot be read. The problems quote the
model's values; --redact masks them as gop validate --redact does (the XML written is never redacted).

Example:
  gop parse plan.xml > plan.json && gop build plan.json > again.xml`,
  rules: `gop rules [--format text|json]

Lists the rule catalogue: id, severity, reference and title (text), or every field in both languages (json).`,
};
