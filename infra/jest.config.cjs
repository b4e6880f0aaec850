module.exports = require('../jest.preset.cjs')({ name: 'infra', dir: __dirname });
