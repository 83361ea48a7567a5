// English shared by every message, from the readers' findings to the comment and the terminal. Pure.

/** `1 error`, `2 errors`, `1,204 people`: the count with thousands separators, then the right word. */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
