module.exports = (config) => require('../../karma.base.cjs')(config, 'ngx-sse');
