// Shapes of clinical codes (GOP-FORMAT-006, warnings only). Only the shape is checked; whether a code
// exists in the current classification needs the SKS tables, which this library does not ship.

// SKS (Sundhedsvæsenets Klassifikations System) writes ICD-10 diagnoses with a `D` prefix: `D` + the
// ICD-10 chapter letter + 2–6 further characters (DC189, DS720, DZ033A).
const SKS_DIAGNOSIS = /^D[A-Z][A-Z0-9]{2,6}$/;

// ICF in SKS is prefixed `F`: FB (body functions), FS (body structures), FD (activities and
// participation), FE (environmental factors), and FA, which some SKS extracts use for activities.
const SKS_ICF = /^F[ABDES][0-9]{1,5}$/;

// WHO's own ICF notation: component letter b/s/d/e + 1–5 digits, optionally qualifiers after a point
// (b280.2, s7300.32). Environmental factors mark a facilitator with `+` instead of the point (e310+3).
const WHO_ICF = /^(?:[bsd][0-9]{1,5}(?:\.[0-9]{1,3})?|e[0-9]{1,5}(?:[.+][0-9]{1,3})?)$/;

export function isSksDiagnosisCode(s: string): boolean {
  return SKS_DIAGNOSIS.test(s);
}

export function isIcfCode(s: string): boolean {
  return SKS_ICF.test(s) || WHO_ICF.test(s);
}
