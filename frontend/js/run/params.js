// A protocol parameter (a ParamSpec from GET /api/protocols) as a form field: its limits in words,
// and the check of a typed value, so the form explains a limit before the server has to refuse it.

const INTEGER = /^-?\d+$/;

/** The limits of a parameter in words, e.g. "a whole number from 2 to 64; 4 if left empty". */
export function limitsText(spec) {
  const range = spec.min !== null && spec.max !== null ? ` from ${spec.min} to ${spec.max}`
    : spec.min !== null ? ` of at least ${spec.min}` : spec.max !== null ? ` of at most ${spec.max}` : '';
  const what = {
    INT: `a whole number${range}`,
    DOUBLE: `a number${range}`,
    BOOLEAN: 'yes or no',
    STRING: 'text',
    INT_LIST: `whole numbers${range}, separated by spaces or commas (or a JSON list)`,
    LIST: 'values separated by spaces or commas, e.g. ATTACK RETREAT ATTACK, or a JSON list',
  }[spec.type];
  const empty = spec.required ? 'required'
    : spec.defaultValue !== null && spec.defaultValue !== undefined ? `${JSON.stringify(spec.defaultValue)} if left empty`
      : 'optional';
  return `${what}; ${empty}`;
}

/**
 * A list as a person types it: "1 2 3", "1, 2, 3" or the JSON list [1, 2, 3]; "ATTACK RETREAT" too.
 * Whole numbers become numbers, anything else text. Returns { value } or { error } in words.
 */
export function parseList(raw, name = 'The list') {
  const text = String(raw ?? '').trim();
  if (text.startsWith('[')) {
    try {
      const value = JSON.parse(text);
      if (Array.isArray(value)) {
        return { value };
      }
    } catch {
      // answered below
    }
    return { error: `${name}: a list in brackets must be JSON, such as [1, 2, 3] or ["ATTACK", "RETREAT"]; `
      + 'or leave out the brackets: 1 2 3.' };
  }
  const items = text.split(/[\s,]+/).filter(Boolean).map((item) => item.replace(/^"(.*)"$/, '$1'));
  return { value: items.map((item) => (INTEGER.test(item) ? Number(item) : item)) };
}

/**
 * Checks what was typed for a parameter. Returns { value } (undefined when left empty) or { error } in words.
 * Booleans come as true/false from a checkbox.
 */
export function parseParam(spec, raw) {
  if (spec.type === 'BOOLEAN') {
    return { value: Boolean(raw) };
  }
  const text = String(raw ?? '').trim();
  if (text === '') {
    return spec.required ? { error: `${spec.name} is required.` } : { value: undefined };
  }
  const inRange = (number) => {
    if (spec.min !== null && number < spec.min) {
      return `${spec.name} must be at least ${spec.min}, got ${number}.`;
    }
    if (spec.max !== null && number > spec.max) {
      return `${spec.name} must be at most ${spec.max}, got ${number}.`;
    }
    return null;
  };
  switch (spec.type) {
    case 'INT': {
      if (!INTEGER.test(text)) {
        return { error: `${spec.name} must be a whole number.` };
      }
      const number = Number(text);
      const error = inRange(number);
      return error ? { error } : { value: number };
    }
    case 'DOUBLE': {
      const number = Number(text);
      if (!Number.isFinite(number)) {
        return { error: `${spec.name} must be a number.` };
      }
      const error = inRange(number);
      return error ? { error } : { value: number };
    }
    case 'INT_LIST': {
      const { value: items, error: listError } = parseList(text, spec.name);
      if (listError) {
        return { error: listError };
      }
      const bad = items.find((item) => !Number.isInteger(item));
      if (bad !== undefined) {
        return { error: `${spec.name} must list whole numbers; '${bad}' is not one.` };
      }
      for (const number of items) {
        const error = inRange(number);
        if (error) {
          return { error };
        }
      }
      return { value: items };
    }
    case 'LIST':
      return parseList(text, spec.name);
    default:
      return { value: text };
  }
}
