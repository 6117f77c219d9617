import { main } from './main';

const chunks: string[] = [];
const code = main(process.argv.slice(2), (s) => chunks.push(s), (s) => process.stderr.write(s));
process.stdout.write(chunks.join(''), () => process.exit(code));
