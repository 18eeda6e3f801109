/**
 * Schema 8: an åtgärd in the åtgärdsplan can point at the lägesbild problem it addresses as a saved
 * dashboard view (the evidence), beside the problem in words.
 */
export const migration008 = `
ALTER TABLE measure ADD COLUMN view_id INTEGER REFERENCES dashboard_view(id) ON DELETE SET NULL;
`;
