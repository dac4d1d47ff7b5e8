module.exports = (config) => {
  require('../../karma.base.cjs')(config, 'ngx-sse');
  // The fetch transport's tests talk to a real HTTP endpoint served by Karma (karma-sse-stub.cjs).
  config.set({
    plugins: [...config.plugins, require('./karma-sse-stub.cjs')],
    beforeMiddleware: ['sse-stub'],
  });
};
