/** The 'shop' profile: a fashion store (the default seed's "Fashion store"). */
import { leaf, lower, type CatalogVocabulary, type Group, type Leaf } from './vocabulary';

const APPAREL = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const WAIST = ['26', '28', '30', '32', '34', '36', '38'];
const WOMEN_SHOES = ['36', '37', '38', '39', '40', '41', '42'];
const MEN_SHOES = ['40', '41', '42', '43', '44', '45', '46'];
const KIDS = ['2-3Y', '4-5Y', '6-7Y', '8-9Y', '10-11Y', '12-13Y'];
const KIDS_SHOES = ['28', '29', '30', '31', '32', '33', '34', '35'];
const ONE_SIZE = ['One Size'];

const WOVEN = ['Cotton', 'Organic Cotton', 'Linen', 'Viscose', 'Silk', 'Recycled Polyester'];
const JERSEY = ['Cotton', 'Organic Cotton', 'Jersey', 'Linen', 'Modal'];
const KNITS = ['Wool', 'Merino Wool', 'Cashmere', 'Cotton', 'Alpaca Blend'];
const DENIM = ['Denim', 'Stretch Denim', 'Organic Cotton', 'Recycled Denim'];
const OUTERWEAR = ['Wool', 'Cotton', 'Leather', 'Recycled Polyester', 'Nylon', 'Suede'];
const FOOTWEAR = ['Leather', 'Suede', 'Canvas', 'Recycled Mesh', 'Vegan Leather'];
const BAGS = ['Leather', 'Canvas', 'Nylon', 'Suede', 'Vegan Leather'];
const METALS = ['Sterling Silver', 'Gold-Plated', 'Brass', 'Stainless Steel'];

const CLOTHING: Group = {
  styles: [
    'Classic',
    'Relaxed',
    'Slim-Fit',
    'Oversized',
    'Cropped',
    'Essential',
    'Vintage',
    'Tailored',
    'Pleated',
    'Striped',
    'Ribbed',
    'Textured',
    'Lightweight',
    'Printed',
    'Floral',
    'Belted',
    'Everyday',
  ],
  features: [
    'Cut for a relaxed, easy fit.',
    'Finished with tonal stitching and a clean hem.',
    'Side pockets and a concealed zip fastening.',
    'Garment-dyed for a soft, lived-in feel.',
    'A tailored silhouette that layers well.',
    'Breathable and light enough for warm days.',
    'Made in a small family-run factory in Portugal.',
    'Pre-washed, so it will not shrink.',
  ],
};
const SHOES: Group = {
  styles: [
    'Classic',
    'Chunky',
    'Minimal',
    'Retro',
    'Suede-Trim',
    'Lightweight',
    'Padded',
    'Everyday',
    'Low-Top',
    'Vintage',
  ],
  features: [
    'A cushioned footbed for all-day comfort.',
    'Rubber outsole with a grippy tread.',
    'Padded collar and a pull tab at the heel.',
    'Stitched, not glued, so it can be resoled.',
    'True to size; take your usual size.',
    'Lined in soft leather that moulds to your foot.',
  ],
};
const ACCESSORIES: Group = {
  styles: [
    'Classic',
    'Minimal',
    'Woven',
    'Structured',
    'Slouchy',
    'Vintage',
    'Embossed',
    'Everyday',
    'Statement',
    'Mini',
  ],
  features: [
    'Sized to hold a laptop, a bottle and the rest.',
    'Adjustable strap to wear it your way.',
    'Comes in a gift box, ready to give.',
    'Hand-finished edges and brushed hardware.',
    'Light enough to wear every day.',
    'Nickel-free and hypoallergenic.',
  ],
};

// One line per category reads like a table.
// prettier-ignore
const leaves: Leaf[] = [
  leaf(['Women', 'Clothing', 'Dresses'], 'WDR', 9, ['Midi Dress', 'Maxi Dress', 'Wrap Dress', 'Shirt Dress', 'Slip Dress', 'Mini Dress'], WOVEN, APPAREL, [29, 189], CLOTHING),
  leaf(['Women', 'Clothing', 'Tops & T-Shirts'], 'WTP', 9, ['T-Shirt', 'Blouse', 'Tank Top', 'Shirt', 'Bodysuit'], JERSEY, APPAREL, [12, 79], CLOTHING),
  leaf(['Women', 'Clothing', 'Knitwear'], 'WKN', 6, ['Jumper', 'Cardigan', 'Roll-Neck Jumper', 'Knitted Vest'], KNITS, APPAREL, [35, 229], CLOTHING),
  leaf(['Women', 'Clothing', 'Jeans'], 'WJN', 6, ['Straight Jeans', 'Skinny Jeans', 'Wide-Leg Jeans', 'Mom Jeans', 'Bootcut Jeans'], DENIM, WAIST, [39, 129], CLOTHING),
  leaf(['Women', 'Clothing', 'Trousers'], 'WTR', 5, ['Trousers', 'Wide-Leg Trousers', 'Chinos', 'Cigarette Trousers', 'Joggers'], WOVEN, APPAREL, [29, 119], CLOTHING),
  leaf(['Women', 'Clothing', 'Skirts'], 'WSK', 4, ['Midi Skirt', 'Mini Skirt', 'Pleated Skirt', 'Denim Skirt'], WOVEN, APPAREL, [25, 99], CLOTHING),
  leaf(['Women', 'Clothing', 'Jackets & Coats'], 'WJK', 5, ['Trench Coat', 'Wool Coat', 'Puffer Jacket', 'Denim Jacket', 'Blazer', 'Leather Jacket'], OUTERWEAR, APPAREL, [59, 349], CLOTHING),
  leaf(['Women', 'Shoes', 'Sneakers'], 'WSN', 4, ['Sneakers', 'Trainers', 'Slip-On Sneakers', 'Platform Sneakers'], FOOTWEAR, WOMEN_SHOES, [49, 159], SHOES),
  leaf(['Women', 'Shoes', 'Boots'], 'WBT', 3, ['Ankle Boots', 'Chelsea Boots', 'Knee-High Boots', 'Biker Boots'], FOOTWEAR, WOMEN_SHOES, [79, 279], SHOES),
  leaf(['Women', 'Shoes', 'Sandals'], 'WSA', 3, ['Sandals', 'Slides', 'Espadrilles', 'Heeled Sandals'], FOOTWEAR, WOMEN_SHOES, [25, 119], SHOES),
  leaf(['Women', 'Accessories', 'Bags'], 'WBG', 4, ['Tote Bag', 'Crossbody Bag', 'Shoulder Bag', 'Backpack', 'Clutch'], BAGS, ONE_SIZE, [29, 299], ACCESSORIES),
  leaf(['Women', 'Accessories', 'Scarves'], 'WSC', 2, ['Scarf', 'Wrap Scarf', 'Bandana'], KNITS, ONE_SIZE, [15, 89], ACCESSORIES),
  leaf(['Women', 'Accessories', 'Jewellery'], 'WJW', 3, ['Necklace', 'Hoop Earrings', 'Ring', 'Bracelet'], METALS, ONE_SIZE, [9, 149], ACCESSORIES),
  leaf(['Men', 'Clothing', 'T-Shirts'], 'MTS', 7, ['T-Shirt', 'Polo Shirt', 'Long-Sleeve T-Shirt', 'Henley'], JERSEY, APPAREL, [12, 59], CLOTHING),
  leaf(['Men', 'Clothing', 'Shirts'], 'MSH', 5, ['Oxford Shirt', 'Linen Shirt', 'Flannel Shirt', 'Overshirt', 'Dress Shirt'], WOVEN, APPAREL, [29, 119], CLOTHING),
  leaf(['Men', 'Clothing', 'Knitwear'], 'MKN', 4, ['Jumper', 'Cardigan', 'Crew-Neck Jumper', 'Quarter-Zip Jumper'], KNITS, APPAREL, [39, 199], CLOTHING),
  leaf(['Men', 'Clothing', 'Jeans'], 'MJN', 5, ['Slim Jeans', 'Straight Jeans', 'Tapered Jeans', 'Relaxed Jeans'], DENIM, WAIST, [45, 139], CLOTHING),
  leaf(['Men', 'Clothing', 'Trousers'], 'MTR', 4, ['Chinos', 'Trousers', 'Cargo Trousers', 'Joggers'], WOVEN, APPAREL, [35, 119], CLOTHING),
  leaf(['Men', 'Clothing', 'Jackets & Coats'], 'MJK', 4, ['Overcoat', 'Parka', 'Bomber Jacket', 'Denim Jacket', 'Blazer', 'Puffer Jacket'], OUTERWEAR, APPAREL, [69, 399], CLOTHING),
  leaf(['Men', 'Shoes', 'Sneakers'], 'MSN', 4, ['Sneakers', 'Trainers', 'Court Sneakers', 'Running Shoes'], FOOTWEAR, MEN_SHOES, [55, 169], SHOES),
  leaf(['Men', 'Shoes', 'Boots'], 'MBT', 3, ['Chelsea Boots', 'Desert Boots', 'Work Boots', 'Hiking Boots'], FOOTWEAR, MEN_SHOES, [89, 289], SHOES),
  leaf(['Men', 'Shoes', 'Loafers'], 'MLF', 2, ['Loafers', 'Penny Loafers', 'Boat Shoes', 'Derby Shoes'], FOOTWEAR, MEN_SHOES, [69, 229], SHOES),
  leaf(['Men', 'Accessories', 'Belts'], 'MBL', 2, ['Belt', 'Leather Belt', 'Woven Belt'], BAGS, ['80', '85', '90', '95', '100'], [19, 89], ACCESSORIES),
  leaf(['Men', 'Accessories', 'Wallets'], 'MWL', 2, ['Wallet', 'Card Holder', 'Billfold Wallet'], BAGS, ONE_SIZE, [19, 129], ACCESSORIES),
  leaf(['Men', 'Accessories', 'Hats'], 'MHT', 2, ['Beanie', 'Baseball Cap', 'Bucket Hat', 'Flat Cap'], KNITS, ONE_SIZE, [14, 69], ACCESSORIES),
  leaf(['Kids', 'Girls', 'Dresses'], 'KGD', 2, ['Dress', 'Party Dress', 'Pinafore Dress'], JERSEY, KIDS, [14, 59], CLOTHING),
  leaf(['Kids', 'Girls', 'Tops'], 'KGT', 2, ['T-Shirt', 'Sweatshirt', 'Hoodie'], JERSEY, KIDS, [8, 39], CLOTHING),
  leaf(['Kids', 'Boys', 'Tops'], 'KBT', 2, ['T-Shirt', 'Sweatshirt', 'Hoodie', 'Polo Shirt'], JERSEY, KIDS, [8, 39], CLOTHING),
  leaf(['Kids', 'Boys', 'Trousers'], 'KBP', 2, ['Joggers', 'Jeans', 'Shorts', 'Chinos'], DENIM, KIDS, [12, 45], CLOTHING),
  leaf(['Kids', 'Shoes', 'Sneakers'], 'KSN', 2, ['Sneakers', 'Trainers', 'Light-Up Sneakers'], FOOTWEAR, KIDS_SHOES, [25, 69], SHOES),
];

export const fashion: CatalogVocabulary = {
  skuPrefix: 'FS',
  origin: 'https://fashion.example.com',
  leaves,
  brands: [
    'Harlow & Reed',
    'Maison Varela',
    'Northline',
    'Ellis Grey',
    'Juniper & Co',
    'Atelier Noor',
    'Calloway',
    'Bramwell',
    'Odessa Lane',
    'Fenwick Studio',
    'Marlow',
    'Saltwater Social',
    'Vera Lind',
    'Kestrel',
    'Ashby & Hart',
    'Linea Sol',
    'Thornfield',
    'Rue Margaux',
    'Wilder Row',
    'Coastline Denim',
    'Petra Moss',
    'Oakhurst',
    'Lumen Knit',
    'Blue Fjord',
  ].map((name, rank) => ({ name, weight: 1 / (rank + 1) ** 0.8 })),
  colors: [
    { value: 'Black', weight: 18 },
    { value: 'White', weight: 12 },
    { value: 'Navy', weight: 10 },
    { value: 'Grey', weight: 8 },
    { value: 'Beige', weight: 7 },
    { value: 'Blue', weight: 7 },
    { value: 'Brown', weight: 5 },
    { value: 'Green', weight: 5 },
    { value: 'Red', weight: 5 },
    { value: 'Pink', weight: 5 },
    { value: 'Cream', weight: 4 },
    { value: 'Khaki', weight: 4 },
    { value: 'Burgundy', weight: 3 },
    { value: 'Multicolour', weight: 3 },
    { value: 'Yellow', weight: 2 },
    { value: 'Orange', weight: 2 },
    { value: 'Purple', weight: 2 },
  ],

  collections: [
    'Collections > Essentials > Everyday Basics',
    'Collections > Occasion > Wedding Guest',
    'Collections > Occasion > Workwear',
    'Collections > Sustainable > Organic & Recycled',
    'Collections > Seasonal > Summer Edit',
    'Collections > Seasonal > Winter Warmers',
    'Collections > Gifts > Gift Guide',
    'Collections > Weekend > Off-Duty',
  ],
  saleRoot: 'Sale',
  newRoot: 'New In',
  // "The", never "a": nouns may be plural ("Sneakers", "Jeans").
  openers: [
    (w) => `The ${lower(w.style)} ${lower(w.noun)} from ${w.brand}, made in ${lower(w.material)}.`,
    (w) => `${w.brand}'s ${lower(w.style)} ${lower(w.noun)} in ${lower(w.color)} ${lower(w.material)}.`,
    (w) => `Meet the ${lower(w.noun)}: ${lower(w.style)}, ${lower(w.material)} and made to last.`,
    (w) => `The ${lower(w.noun)} by ${w.brand}, in ${lower(w.color)} ${lower(w.material)}.`,
  ],
  closers: [
    'Machine wash at 30°C.',
    'Dry clean only.',
    'Pairs well with white sneakers and denim.',
    'Free returns within 30 days.',
    'Part of our responsible collection.',
    'Perfect for weekends away.',
    'A wardrobe staple for every season.',
    'The model is 178 cm tall and wears a size S.',
  ],
};
