/** The Ändringslogg screen lives in screens/audit/; this is its entry for the router. */
export { AuditScreen } from './audit/AuditScreen';
