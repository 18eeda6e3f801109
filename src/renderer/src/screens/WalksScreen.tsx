/** The Trygghetsvandringar screen lives in screens/walks/; this is its entry for the router. */
export { WalksScreen } from './walks/WalksScreen';
