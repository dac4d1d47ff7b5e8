// Dev-server proxy: the browser sees one origin (as behind a BFF). The mock server's port is
// overridable so e2e can run next to a developer's `npm start`.
const target = `http://127.0.0.1:${process.env.MOCK_PORT ?? 3000}`;

module.exports = {
  '/api': {
    target,
    secure: false,
    // SSE must stream: no compression (it would buffer) and no proxy timeout on long-lived responses.
    headers: { 'Accept-Encoding': 'identity' },
    proxyTimeout: 0,
    timeout: 0,
  },
};
