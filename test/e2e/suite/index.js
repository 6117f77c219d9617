// Entry point of the extension-host suite, in the @vscode/test-electron style: the extension host
// require()s this file (extensionTestsPath) and awaits run(). Only the vscode API is used.
const path = require('path');
const fs = require('fs');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000 });
  const only = process.env.DISCLOSURE_E2E_GREP;
  if (only) mocha.grep(only);
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
};
