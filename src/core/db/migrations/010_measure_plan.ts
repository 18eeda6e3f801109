/** Schema 10: reserved for walk åtgärder on the åtgärdsplan. */
export const migration010 = `
SELECT 1;
`;
