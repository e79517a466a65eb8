/**
 * The ajv validator for the notice schema, compiled once per process.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { noticeSchema } from './schema.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv2020, formats: string[]) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

let compiled: ValidateFunction | undefined;

/** The compiled schema validator (strict, all errors, no coercion, no $data). */
export function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, coerceTypes: false, $data: false, useDefaults: false, validateFormats: true });
    addFormats(ajv, ['date', 'email', 'uri']);
    compiled = ajv.compile(noticeSchema());
  }
  return compiled;
}

/** Validate plain data against the schema; returns ajv's raw errors (empty when valid). */
export function schemaErrors(data: unknown): ErrorObject[] {
  const validate = schemaValidator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
