/**
 * The (I)LIKE pattern that finds `text` anywhere, its own `%`, `_` and `\` taken literally
 * (backslash is PostgreSQL's default LIKE escape): a search for "100%" finds only names with "100%".
 */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
