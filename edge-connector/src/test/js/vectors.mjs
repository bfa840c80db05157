// Shared loading of the vectors that RuntimeVectorsTest (Java, the console's solver) wrote.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const moduleDir = path.resolve(here, '../../..');
export const runtimePath = path.join(moduleDir, 'src/main/resources/org/aodnn/edgeconnector/runtime/auto-offloading.js');
const vectorsDir = process.env.AODNN_VECTORS_DIR || path.join(moduleDir, 'target/runtime-vectors');

export function loadVectors() {
  const file = path.join(vectorsDir, 'vectors.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${file} (written by the Java test RuntimeVectorsTest; run mvn verify): ${e.message}`);
  }
}

export function relativeDiff(a, b) {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}
