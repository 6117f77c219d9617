// Runs every feature on one file (argv[2]) and prints the problems found as JSON: a child process,
// so that a test can bound a hang by killing it.
import { readFileSync } from 'node:fs';
import { exerciseFeatures } from './harness';

process.stdout.write(JSON.stringify(exerciseFeatures(readFileSync(process.argv[2]!, 'utf8'))));
