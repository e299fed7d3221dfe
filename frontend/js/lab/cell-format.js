// What a grid cell may hold, as the server checks it (input.formats, one per column): a word of the
// vocabulary, a set of whole numbers, a whole number, or free text; `words` are further values allowed
// (such as "crashed"). Checking as the student types means an unreadable cell is fixed before submitting.

const SET = /^\{?\s*(\d{1,9}(\s*[,\s]\s*\d{1,9})*)?\s*\}?$/;
const NUMBER = /^[-+]?\d{1,15}$/;

/** Why `value` cannot be read in a cell of this format, or null when it can (or is empty). */
export function cellProblem(format, value, dontCare) {
  const text = value.trim();
  if (text === '' || !format || (dontCare && text === dontCare)) {
    return null;
  }
  const words = format.words ?? [];
  if (words.some((w) => w.toLowerCase() === text.toLowerCase())) {
    return null;
  }
  const others = words.map((w) => ` or '${w}'`).join('');
  switch (format.kind) {
    case 'SET':
      return text.startsWith('{') === text.endsWith('}') && SET.test(text) ? null
        : `'${text}' is not a set of whole numbers such as {1, 4}${others}.`;
    case 'NUMBER':
      return NUMBER.test(text) ? null : `'${text}' is not a whole number${others}.`;
    case 'WORD':
      return `'${text}' is not one of ${words.join(', ')}.`;
    default:
      return null;
  }
}
