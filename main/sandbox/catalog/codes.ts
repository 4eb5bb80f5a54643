/** Product codes: SKUs, GTINs (EAN-13) and manufacturer part numbers. */

/** Item numbers fit in 7 digits, both in the SKU and in the GTIN's item reference. */
const ITEM_SPACE = 10_000_000;
/** Odd and not a multiple of 5, so multiplying by it shuffles 0..ITEM_SPACE-1 without repeats. */
const SHUFFLE = 7_919_773;

/** "FS-WDR-0000042": profile, category and item number, so ids are unique and readable. */
export function sku(prefix: string, category: string, index: number): string {
  return `${prefix}-${category}-${String(index).padStart(7, '0')}`;
}

/** GS1 company prefixes: some brands are American (UPC-A codes, so the EAN-13 starts with 0). */
const COUNTRY_PREFIXES = ['00', '03', '06', '30', '40', '50', '76', '80', '84', '87'];

export function companyPrefix(rank: number): string {
  const country = COUNTRY_PREFIXES[rank % COUNTRY_PREFIXES.length] ?? '00';
  return country + String((rank * 37 + 101) % 1000).padStart(3, '0');
}

function checkDigit(twelve: string): number {
  let sum = 0;
  for (let position = 0; position < 12; position += 1) {
    sum += (twelve.charCodeAt(position) - 48) * (position % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A valid EAN-13, as text (leading zeros matter). The item reference is the item number
 * shuffled, so GTINs look random yet never repeat within a catalog.
 */
export function gtin(prefix: string, index: number, seed: number): string {
  const offset = (((seed * 104_729) % ITEM_SPACE) + ITEM_SPACE) % ITEM_SPACE;
  const reference = (((index + offset) % ITEM_SPACE) * SHUFFLE) % ITEM_SPACE;
  const twelve = prefix + String(reference).padStart(12 - prefix.length, '0');
  return twelve + String(checkDigit(twelve));
}

/** "Harlow & Reed" → "HR", "Northline" → "NOR": the start of the brand's part numbers. */
export function brandInitials(brand: string): string {
  const words = brand.split(/[^A-Za-z]+/).filter((word) => word !== '');
  const initials = words.map((word) => word.charAt(0)).join('');
  return (initials.length > 1 ? initials : brand.slice(0, 3)).toUpperCase();
}
