// Scores a detector on the corpus for one default country: precision, recall of the numbers
// that can be resolved from that country, and wrong targets (a link to a different number, or
// a number of another country read as one of the default country's).
import { expectedTarget, identicalWriting } from './corpus.js';

const telOf = (target) => target.replace(/;ext=.*$/, '');

/**
 * @param {(text: string, country: string) => {start:number,end:number,target:string}[]} find
 * @returns {{country, links, correct, falsePositives, wrongTargets, resolvable, ambiguous, precision, recall, mistakes}}
 */
export function score(find, corpus, country) {
  let links = 0;
  let correct = 0;
  let falsePositives = 0;
  let wrongTargets = 0;
  let resolvable = 0;
  let ambiguous = 0;
  const mistakes = [];
  for (const entry of corpus.numbers) {
    if (identicalWriting(entry, country)) {
      ambiguous += 1;
      continue;
    }
    const expected = expectedTarget(entry, country);
    if (expected) resolvable += 1;
    let hit = false;
    for (const link of find(entry.text, country)) {
      if (!link.target.startsWith('tel:')) continue;
      links += 1;
      const onNumber = link.start < entry.end && link.end > entry.start;
      if (onNumber && expected && telOf(link.target) === `tel:${expected}` && !hit) {
        correct += 1;
        hit = true;
        continue;
      }
      falsePositives += 1;
      if (onNumber) wrongTargets += 1;
      mistakes.push({ kind: onNumber ? 'wrong-target' : 'false-positive', text: entry.text, found: link.target, expected, from: entry.country });
    }
    if (expected && !hit) mistakes.push({ kind: 'missed', text: entry.text, expected, from: entry.country });
  }
  for (const entry of corpus.lookalikes) {
    for (const link of find(entry.text, country)) {
      if (!link.target.startsWith('tel:')) continue;
      links += 1;
      falsePositives += 1;
      mistakes.push({ kind: `look-alike (${entry.kind})`, text: entry.text, found: link.target });
    }
  }
  return {
    country,
    links,
    correct,
    falsePositives,
    wrongTargets,
    resolvable,
    ambiguous,
    precision: links ? correct / links : 1,
    recall: resolvable ? correct / resolvable : 1,
    mistakes,
  };
}

export function formatTable(rows) {
  const head = '| default | links | correct | false pos. | wrong targets | resolvable | identical writing (not scored) | precision | recall |';
  const lines = rows.map((r) => `| ${r.country} | ${r.links} | ${r.correct} | ${r.falsePositives} | ${r.wrongTargets} | ${r.resolvable} | ${r.ambiguous} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} |`);
  return [head, '|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}
