/**
 * PhoneNumberValidate, answered deterministically from the number: the country from its calling code (or from
 * `IsoCountryCode` when the number has no `+`), type `MOBILE` (code 0), carrier `Mock Carrier`. A number whose
 * calling code is not in the table below, whose national part has fewer than 4 digits, or longer than 15 digits in
 * all, is `INVALID` (code 3).
 */
import type { NumberValidateRequest, NumberValidateResponse } from '../../../generated/shapes.js';
import type { HandlerTable } from '../context.js';

interface Country {
  readonly calling: string;
  readonly iso2: string;
  readonly numeric: string;
  readonly name: string;
  readonly timezone: string;
  /** The national trunk prefix dropped from a national number (`030 …` in Germany is `+49 30 …`). */
  readonly trunk?: string;
}

/** Calling codes the mock knows, longest first so `+44` is not read as `+4`. */
export const COUNTRIES: readonly Country[] = [
  { calling: '1', iso2: 'US', numeric: '840', name: 'United States', timezone: 'America/New_York' },
  { calling: '33', iso2: 'FR', trunk: '0', numeric: '250', name: 'France', timezone: 'Europe/Paris' },
  { calling: '34', iso2: 'ES', numeric: '724', name: 'Spain', timezone: 'Europe/Madrid' },
  { calling: '39', iso2: 'IT', numeric: '380', name: 'Italy', timezone: 'Europe/Rome' },
  { calling: '44', iso2: 'GB', trunk: '0', numeric: '826', name: 'United Kingdom', timezone: 'Europe/London' },
  { calling: '49', iso2: 'DE', trunk: '0', numeric: '276', name: 'Germany', timezone: 'Europe/Berlin' },
  { calling: '52', iso2: 'MX', numeric: '484', name: 'Mexico', timezone: 'America/Mexico_City' },
  { calling: '55', iso2: 'BR', trunk: '0', numeric: '076', name: 'Brazil', timezone: 'America/Sao_Paulo' },
  { calling: '61', iso2: 'AU', trunk: '0', numeric: '036', name: 'Australia', timezone: 'Australia/Sydney' },
  { calling: '81', iso2: 'JP', trunk: '0', numeric: '392', name: 'Japan', timezone: 'Asia/Tokyo' },
  { calling: '86', iso2: 'CN', trunk: '0', numeric: '156', name: 'China', timezone: 'Asia/Shanghai' },
  { calling: '91', iso2: 'IN', trunk: '0', numeric: '356', name: 'India', timezone: 'Asia/Kolkata' },
].sort((a, b) => b.calling.length - a.calling.length);

/** The mock's answer for a number (exported so tests can state expectations from the same rule). */
export function validatePhoneNumber(req: NumberValidateRequest): NumberValidateResponse {
  const original = req.PhoneNumber ?? '';
  const digits = original.replace(/\D/g, '');
  const hint = req.IsoCountryCode?.toUpperCase();
  const international = original.trim().startsWith('+');
  const country = international
    ? COUNTRIES.find((c) => digits.startsWith(c.calling))
    : COUNTRIES.find((c) => c.iso2 === hint);
  const national = !country ? digits
    : international ? digits.slice(country.calling.length)
    : country.trunk !== undefined && digits.startsWith(country.trunk) ? digits.slice(country.trunk.length) : digits;
  const base: NumberValidateResponse = { OriginalPhoneNumber: original, ...(hint ? { OriginalCountryCodeIso2: hint } : {}) };
  if (!country || national.length < 4 || country.calling.length + national.length > 15) {
    return { ...base, PhoneType: 'INVALID', PhoneTypeCode: 3 };
  }
  return {
    ...base,
    Carrier: 'Mock Carrier',
    CleansedPhoneNumberE164: `+${country.calling}${national}`,
    CleansedPhoneNumberNational: national,
    Country: country.name,
    CountryCodeIso2: country.iso2,
    CountryCodeNumeric: country.numeric,
    PhoneType: 'MOBILE',
    PhoneTypeCode: 0,
    Timezone: country.timezone,
  };
}

export const phoneHandlers: HandlerTable = {
  PhoneNumberValidate: (ctx) => validatePhoneNumber(ctx.body as NumberValidateRequest),
};
