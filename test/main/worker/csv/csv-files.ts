/** Files for the CSV tests, made in the tests: shop exports with their quirks, and broken ones. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cs-csv-'));
let count = 0;

/** Writes `content` (text as UTF-8, or bytes as they are) to a new file; returns its path. */
export function csvFile(content: string | Uint8Array, name = 'file.csv'): string {
  count += 1;
  const file = join(dir, `${count}-${name}`);
  writeFileSync(file, content);
  return file;
}

/** Text as Windows-1252 bytes (only Latin-1 letters are used in the tests, where the two agree). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in the test's Windows-1252 subset: ${char}`);
    return code;
  });
}

export function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

export const BOM = '\ufeff';

/** A Shopify product export: BOM, HTML with doubled quotes and line breaks in Body (HTML). */
export const SHOPIFY = [
  'Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Image Src,Tags',
  'linen-shirt,Linen shirt,"<p>A <b>light</b> shirt, 100% linen.</p>',
  '<p>Say ""hello"" to summer.</p>",Acme,00123,19.90,https://cdn.shop.example/linen.jpg,"summer, linen"',
  'wool-scarf,Wool scarf,<p>Warm.</p>,Borealis,00456,24.50,https://cdn.shop.example/scarf.jpg,winter',
].join('\r\n');

/** A WooCommerce export: ID, SKU, Name, Regular price, Categories "A > B, C". */
export const WOOCOMMERCE = [
  'ID,Type,SKU,Name,Published,Regular price,Sale price,Categories,Images',
  '101,simple,W-101,Blue mug,1,12.50,,"Kitchen > Mugs, Gifts",https://shop.example/mug.jpg',
  '102,simple,W-102,"Tea pot ""Classic""",1,30,25,Kitchen > Tea,https://shop.example/pot.jpg',
].join('\n');

/** A PrestaShop export: `;`, Windows-1252 accents, decimal commas, a trailing delimiter, CRLF. */
export const PRESTASHOP = [
  'ID;Nombre;Precio;Marca;Categorías;',
  '1;Camiseta añil;12,50;Español;Ropa > Camisetas;',
  '2;Pantalón;39,90;Ñandú;Ropa > Pantalones;',
].join('\r\n');

/** A Google Merchant feed: prices with their currency, availability, a GTIN with a leading zero. */
export const GOOGLE_MERCHANT = [
  'id\ttitle\tlink\timage_link\tprice\tavailability\tgtin\tbrand',
  'G-1\tRed shirt\thttps://shop.example/g1\thttps://shop.example/g1.jpg\t19.99 EUR\tin stock\t04006381333931\tAcme',
  'G-2\tBlue shirt\thttps://shop.example/g2\thttps://shop.example/g2.jpg\t21.50 EUR\tout of stock\t4006381333931\tAcme',
].join('\n');
