import { main } from './main';
import { configureReaders } from '../readers';
import { pdfCMapDir } from '../node/cmaps';

configureReaders({ cMapUrl: pdfCMapDir() });

// Each file's output is written as soon as it is checked (stdout to a file or a pipe is written
// synchronously on Linux, so nothing piles up in memory).
void main(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
).then((code) => {
  process.stdout.write('', () => process.exit(code));
});
