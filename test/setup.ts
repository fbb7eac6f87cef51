// Property tests are repeatable in CI: one fast-check seed for every run unless FC_SEED says otherwise (a failure
// prints the seed and path that reproduce it). Tests that pass their own seed keep it.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20190305) });
