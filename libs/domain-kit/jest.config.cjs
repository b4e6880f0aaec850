module.exports = require('../../jest.preset.cjs')({ name: 'domain-kit', dir: __dirname });
