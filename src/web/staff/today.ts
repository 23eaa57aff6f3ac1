/**
 * Today by the server's clock, for code outside React (the date pickers' "now"). The session sets
 * it whenever it learns the date from the server; kept apart from the pickers so the app's first
 * chunk does not carry them.
 */
let serverToday: string | null = null;

export function setServerToday(today: string | null) {
  serverToday = today;
}

/** 'YYYY-MM-DD', or null before a session is known. */
export const getServerToday = () => serverToday;
