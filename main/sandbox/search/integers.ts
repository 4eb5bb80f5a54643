/** The integers of "12,-3,45": a hand-rolled reader, several times faster than split() and Number(). */
export function integersOf(text: string): Float64Array {
  if (text === '') return new Float64Array(0);
  let commas = 0;
  for (let at = text.indexOf(','); at !== -1; at = text.indexOf(',', at + 1)) commas += 1;
  const numbers = new Float64Array(commas + 1);
  let value = 0;
  let sign = 1;
  let index = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 44 /* , */) {
      numbers[index++] = sign * value;
      value = 0;
      sign = 1;
    } else if (code === 45 /* - */) {
      sign = -1;
    } else {
      value = value * 10 + (code - 48);
    }
  }
  numbers[index] = sign * value;
  return numbers;
}
