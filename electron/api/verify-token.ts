// MAIN's token rotation calls this before storing a new token. See connection.ts.
export { verifyToken } from './connection';
