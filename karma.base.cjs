// Shared Karma setup for the app and the library: Debian's Chromium, headless, no sandbox (CI runs as root).
process.env.CHROME_BIN ||= '/usr/bin/chromium';

/**
 * @param {import('karma').Config} config
 * @param {string} name coverage sub-folder under coverage/
 */
module.exports = (config, name) => {
  config.set({
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-jasmine-html-reporter'),
      require('karma-coverage'),
    ],
    client: { jasmine: { random: true }, clearContext: false },
    jasmineHtmlReporter: { suppressAll: true },
    coverageReporter: {
      dir: require('node:path').join(__dirname, 'coverage', name),
      subdir: '.',
      reporters: [{ type: 'html' }, { type: 'text-summary' }, { type: 'lcovonly' }],
    },
    reporters: ['progress', 'kjhtml'],
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-extensions',
          '--disable-component-update',
          '--disable-default-apps',
          '--disable-sync',
          '--no-first-run',
          '--mute-audio',
        ],
      },
    },
    browserNoActivityTimeout: 60000,
    captureTimeout: 120000,
    restartOnFileChange: true,
  });
};
