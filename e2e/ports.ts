// Own ports, so e2e can run beside a developer's `npm start` (3000/4200) and beside other runs.
export const mockPort = Number(process.env['E2E_MOCK_PORT'] ?? 3100);
export const appPort = Number(process.env['E2E_APP_PORT'] ?? 4300);
/** The production dashboard served by the mock server itself, with a small replay history. */
export const prodPort = Number(process.env['E2E_PROD_PORT'] ?? mockPort + 10);
