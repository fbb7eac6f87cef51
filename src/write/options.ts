import { z } from 'zod';
import { BUILD_ENCODINGS } from '../standard/encodings';
import { BooleanSchema, defineOptions, kindOf, orDefault } from '../options/index';

/** buildGop and buildGopBytes (which prefixes are usable XML names is the builder's own check). */
export const BuildOptionsSchema = z.strictObject({
  pretty: orDefault(BooleanSchema).describe('indent the XML'),
  prefixes: orDefault(
    z.strictObject(
      {
        m104: orDefault(
          z.string({ error: (issue) => `must be a prefix (text; '' for the default namespace), not ${kindOf(issue.input)}` }),
        ),
        m100: orDefault(
          z.string({ error: (issue) => `must be a prefix (text; '' for the default namespace), not ${kindOf(issue.input)}` }),
        ),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys' ? undefined : `must be an object { m104?, m100? }, not ${kindOf(issue.input)}`,
      },
    ),
  ).describe("the namespace prefix of m104 (the plan) or m100 (the envelope); '' for the default namespace"),
  encoding: orDefault(
    z.enum(BUILD_ENCODINGS, {
      error: (issue) =>
        `must be ${BUILD_ENCODINGS.map((e) => `"${e}"`).join(' or ')}, not ${typeof issue.input === 'string' ? JSON.stringify(issue.input) : kindOf(issue.input)}`,
    }),
  ).describe('the encoding of the XML written (default UTF-8)'),
  strict: orDefault(BooleanSchema).describe('also refuse a model with error findings'),
});

export const checkBuildOptions = defineOptions('buildGop', BuildOptionsSchema);
