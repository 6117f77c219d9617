import { main } from './main';
import { configureReaders } from '../readers';
import { pdfCMapDir } from '../node/cmaps';

configureReaders({ cMapUrl: pdfCMapDir() });

const chunks: string[] = [];
void main(
  process.argv.slice(2),
  (s) => chunks.push(s),
  (s) => process.stderr.write(s),
).then((code) => {
  process.stdout.write(chunks.join(''), () => process.exit(code));
});
