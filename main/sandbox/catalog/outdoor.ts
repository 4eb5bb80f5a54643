/**
 * The 'stores' profile: an outdoor retailer with shops across the western United States
 * (the default seed's "Outdoor shop", priced in USD). Every item is stocked at one store
 * and carries its position, for geo_distance filters and sorting.
 */
import { leaf, lower, type CatalogVocabulary, type Group, type Leaf, type Store } from './vocabulary';

const APPAREL = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const SHOES_US = ['US 6', 'US 7', 'US 8', 'US 9', 'US 10', 'US 11', 'US 12', 'US 13'];
const ONE_SIZE = ['One Size'];

const GEAR: Group = {
  styles: [
    'Ultralight',
    'Lightweight',
    'Packable',
    'Compact',
    'Expedition',
    'All-Season',
    'Trail',
    'Basecamp',
    'Rugged',
  ],
  features: [
    'Packs down small enough to fit in a daypack.',
    'Field-tested on the Pacific Crest Trail.',
    'Color-coded clips make pitching fast, even in the dark.',
    'Weighs less than a liter of water.',
    'Made with bluesign-approved materials.',
    'Repair kit and stuff sack included.',
  ],
};
const FOOTWEAR: Group = {
  styles: ['Waterproof', 'Lightweight', 'Trail', 'Alpine', 'Breathable', 'Rugged', 'All-Terrain', 'Approach'],
  features: [
    'Vibram outsole with deep lugs for grip on loose rock.',
    'Waterproof membrane keeps feet dry on wet trails.',
    'Cushioned midsole for long days on the trail.',
    'Rubber toe cap protects against rocks and roots.',
    'Gusseted tongue keeps out debris.',
  ],
};
const APPAREL_GROUP: Group = {
  styles: [
    'Waterproof',
    'Insulated',
    'Breathable',
    'Windproof',
    'Packable',
    'Alpine',
    'Stretch',
    'Lightweight',
    'Hooded',
  ],
  features: [
    'Fully taped seams keep the rain out.',
    'Pit zips dump heat on steep climbs.',
    'Stows into its own chest pocket.',
    'Helmet-compatible hood with a laminated brim.',
    'Odor-resistant, so it can go a week between washes.',
    'Articulated knees for freedom of movement.',
  ],
};
const CLIMBING: Group = {
  styles: ['Lightweight', 'Alpine', 'Sport', 'Trad', 'Pro', 'Gym', 'Big Wall'],
  features: [
    'UIAA and CE certified.',
    'Keylock nose will not snag on bolts or slings.',
    'Dry-treated to shed water and resist abrasion.',
    'Four gear loops for a full rack.',
    'Downturned last for steep, technical routes.',
  ],
};
const WATER: Group = {
  styles: ['Touring', 'Recreational', 'Inflatable', 'Stable', 'Lightweight', 'Coastal', 'Lake'],
  features: [
    'Stable enough for beginners, quick enough for touring.',
    'Dry hatch keeps a day of gear dry.',
    'Inflates in under ten minutes with the included pump.',
    'Adjustable seat back for long days on the water.',
    'US Coast Guard approved.',
  ],
};
const BIKE: Group = {
  styles: ['Trail', 'Enduro', 'Cross-Country', 'Adventure', 'Lightweight', 'Pro', 'Commuter'],
  features: [
    'Tubeless-ready wheels and a dropper post.',
    'Internal cable routing and a threaded bottom bracket.',
    'MIPS liner reduces rotational forces in a crash.',
    'USB-C rechargeable, up to 12 hours of run time.',
    'Mounts for racks, fenders and three bottles.',
  ],
};
const SNOW: Group = {
  styles: ['All-Mountain', 'Backcountry', 'Freeride', 'Touring', 'Lightweight', 'Powder', 'Pro'],
  features: [
    'Rocker in the tip floats in deep powder.',
    'Heat-moldable liner for a custom fit.',
    'Walk mode for easy skinning uphill.',
    'Aggressive crampons bite into icy slopes.',
    'Wood core for a lively, damp ride.',
  ],
};

// One line per category reads like a table.
// prettier-ignore
const leaves: Leaf[] = [
  leaf(['Camping', 'Tents', 'Backpacking Tents'], 'CTB', 5, ['Backpacking Tent', 'Ultralight Tent', 'Trekking Pole Tent', 'Bivy Tent'], ['Nylon', 'Ripstop Nylon', 'Silnylon', 'Dyneema'], ['1-Person', '2-Person', '3-Person'], [149, 699], GEAR),
  leaf(['Camping', 'Tents', 'Family Tents'], 'CTF', 3, ['Family Tent', 'Cabin Tent', 'Dome Tent', 'Tunnel Tent'], ['Polyester', 'Ripstop Nylon', 'Canvas'], ['4-Person', '6-Person', '8-Person'], [199, 899], GEAR),
  leaf(['Camping', 'Sleeping', 'Sleeping Bags'], 'CSB', 5, ['Sleeping Bag', 'Mummy Bag', 'Camp Quilt', 'Rectangular Sleeping Bag'], ['Down', 'Synthetic', 'Recycled Polyester'], ['Regular', 'Long', 'Wide'], [79, 549], GEAR),
  leaf(['Camping', 'Sleeping', 'Sleeping Pads'], 'CSP', 4, ['Sleeping Pad', 'Air Pad', 'Foam Pad', 'Self-Inflating Mat'], ['Nylon', 'Closed-Cell Foam', 'TPU'], ['Regular', 'Long', 'Wide'], [29, 229], GEAR),
  leaf(['Camping', 'Kitchen', 'Stoves'], 'CKS', 3, ['Backpacking Stove', 'Camp Stove', 'Canister Stove', 'Two-Burner Stove'], ['Stainless Steel', 'Aluminum', 'Titanium'], ONE_SIZE, [39, 249], GEAR),
  leaf(['Camping', 'Kitchen', 'Cookware'], 'CKC', 4, ['Cook Set', 'Pot', 'Camp Mug', 'Spork', 'Frying Pan'], ['Stainless Steel', 'Aluminum', 'Titanium'], ONE_SIZE, [9, 129], GEAR),
  leaf(['Hiking', 'Footwear', 'Hiking Boots'], 'HFB', 5, ['Hiking Boots', 'Mid Hiking Boots', 'Backpacking Boots'], ['Leather', 'Suede', 'Mesh', 'Gore-Tex'], SHOES_US, [119, 279], FOOTWEAR),
  leaf(['Hiking', 'Footwear', 'Trail Runners'], 'HFT', 5, ['Trail Running Shoes', 'Trail Runners', 'Approach Shoes'], ['Mesh', 'Gore-Tex', 'Synthetic'], SHOES_US, [99, 189], FOOTWEAR),
  leaf(['Hiking', 'Packs', 'Daypacks'], 'HPD', 5, ['Daypack', 'Hydration Pack', 'Hiking Backpack'], ['Nylon', 'Ripstop Nylon', 'Recycled Polyester'], ['18 L', '22 L', '28 L', '32 L'], [49, 179], GEAR),
  leaf(['Hiking', 'Packs', 'Backpacking Packs'], 'HPB', 4, ['Backpacking Pack', 'Trekking Backpack', 'Expedition Pack'], ['Nylon', 'Ripstop Nylon', 'Dyneema'], ['45 L', '55 L', '65 L', '75 L'], [149, 399], GEAR),
  leaf(['Hiking', 'Accessories', 'Headlamps'], 'HAH', 3, ['Headlamp', 'Rechargeable Headlamp'], ['Aluminum', 'Polycarbonate'], ONE_SIZE, [19, 99], GEAR),
  leaf(['Hiking', 'Accessories', 'Trekking Poles'], 'HAP', 3, ['Trekking Poles', 'Folding Trekking Poles'], ['Aluminum', 'Carbon'], ['110 cm', '120 cm', '130 cm'], [39, 199], GEAR),
  leaf(['Clothing', 'Jackets', 'Rain Jackets'], 'LJR', 6, ['Rain Jacket', 'Shell Jacket', 'Anorak'], ['Gore-Tex', 'Nylon', 'Recycled Polyester'], APPAREL, [89, 449], APPAREL_GROUP),
  leaf(['Clothing', 'Jackets', 'Insulated Jackets'], 'LJI', 5, ['Down Jacket', 'Puffer Jacket', 'Insulated Vest', 'Synthetic Jacket'], ['Down', 'Synthetic', 'Recycled Polyester'], APPAREL, [129, 399], APPAREL_GROUP),
  leaf(['Clothing', 'Jackets', 'Fleece'], 'LJF', 4, ['Fleece Jacket', 'Fleece Pullover', 'Grid Fleece Hoodie'], ['Polartec Fleece', 'Recycled Polyester'], APPAREL, [49, 169], APPAREL_GROUP),
  leaf(['Clothing', 'Base Layers', 'Tops'], 'LBT', 4, ['Base Layer Top', 'Long-Sleeve Crew', 'Quarter-Zip Top'], ['Merino Wool', 'Synthetic'], APPAREL, [39, 129], APPAREL_GROUP),
  leaf(['Clothing', 'Pants', 'Hiking Pants'], 'LPH', 5, ['Hiking Pants', 'Convertible Pants', 'Softshell Pants', 'Hiking Shorts'], ['Nylon', 'Softshell', 'Stretch Nylon'], APPAREL, [49, 149], APPAREL_GROUP),
  leaf(['Climbing', 'Hardware', 'Carabiners'], 'YHC', 3, ['Locking Carabiner', 'Wiregate Carabiner', 'Quickdraw Set'], ['Aluminum', 'Steel'], ONE_SIZE, [7, 129], CLIMBING),
  leaf(['Climbing', 'Hardware', 'Harnesses'], 'YHH', 2, ['Climbing Harness', 'Alpine Harness'], ['Nylon', 'Polyester'], ['XS', 'S', 'M', 'L', 'XL'], [49, 149], CLIMBING),
  leaf(['Climbing', 'Ropes', 'Dynamic Ropes'], 'YRD', 2, ['Dynamic Rope', 'Dry Rope', 'Single Rope'], ['Nylon'], ['60 m', '70 m', '80 m'], [149, 349], CLIMBING),
  leaf(['Climbing', 'Footwear', 'Climbing Shoes'], 'YFC', 2, ['Climbing Shoes', 'Bouldering Shoes'], ['Leather', 'Synthetic'], SHOES_US, [79, 199], CLIMBING),
  leaf(['Water', 'Paddling', 'Kayaks'], 'WPK', 2, ['Recreational Kayak', 'Touring Kayak', 'Inflatable Kayak', 'Sit-On-Top Kayak'], ['Polyethylene', 'Fiberglass', 'PVC'], ['9 ft', '10 ft', '12 ft', '14 ft'], [349, 1899], WATER),
  leaf(['Water', 'Paddling', 'Paddleboards'], 'WPS', 2, ['Stand-Up Paddleboard', 'Inflatable Paddleboard'], ['PVC', 'Epoxy'], ['10 ft', '11 ft', '12 ft'], [299, 1299], WATER),
  leaf(['Water', 'Safety', 'Life Jackets'], 'WSL', 2, ['Life Jacket', 'PFD', 'Paddling Vest'], ['Nylon', 'Foam'], APPAREL, [49, 199], WATER),
  leaf(['Cycling', 'Bikes', 'Mountain Bikes'], 'BBM', 2, ['Hardtail Mountain Bike', 'Full-Suspension Mountain Bike', 'Trail Bike'], ['Aluminum', 'Carbon', 'Steel'], ['S', 'M', 'L', 'XL'], [699, 5499], BIKE),
  leaf(['Cycling', 'Bikes', 'Gravel Bikes'], 'BBG', 2, ['Gravel Bike', 'Adventure Bike', 'Bikepacking Bike'], ['Aluminum', 'Carbon', 'Steel'], ['S', 'M', 'L', 'XL'], [899, 4499], BIKE),
  leaf(['Cycling', 'Accessories', 'Helmets'], 'BAH', 3, ['Bike Helmet', 'Mountain Bike Helmet'], ['Polycarbonate', 'EPS Foam'], ['S', 'M', 'L'], [49, 249], BIKE),
  leaf(['Cycling', 'Accessories', 'Bike Lights'], 'BAL', 3, ['Bike Light Set', 'Front Light', 'Rear Light'], ['Aluminum', 'Polycarbonate'], ONE_SIZE, [19, 149], BIKE),
  leaf(['Snow', 'Ski', 'Skis'], 'SSK', 2, ['All-Mountain Skis', 'Backcountry Skis', 'Touring Skis'], ['Wood Core', 'Carbon', 'Fiberglass'], ['160 cm', '170 cm', '177 cm', '184 cm'], [349, 999], SNOW),
  leaf(['Snow', 'Ski', 'Ski Boots'], 'SSB', 2, ['Ski Boots', 'Touring Boots'], ['Polyurethane', 'Grilamid'], ['25.5', '26.5', '27.5', '28.5', '29.5'], [299, 799], SNOW),
  leaf(['Snow', 'Snowshoeing', 'Snowshoes'], 'SSS', 2, ['Snowshoes', 'Backcountry Snowshoes', 'Trail Snowshoes'], ['Aluminum', 'Composite'], ['22 in', '25 in', '30 in'], [99, 329], SNOW),
];

/** Real towns of the Rockies, the Southwest and the Pacific Northwest; bigger towns stock more. */
// prettier-ignore
const stores: Store[] = [
  ['Denver', 39.7392, -104.9903, 10], ['Boulder', 40.015, -105.2705, 6], ['Colorado Springs', 38.8339, -104.8214, 5],
  ['Fort Collins', 40.5853, -105.0844, 4], ['Durango', 37.2753, -107.8801, 2], ['Salt Lake City', 40.7608, -111.891, 8],
  ['Park City', 40.6461, -111.498, 3], ['Moab', 38.5733, -109.5498, 2], ['Boise', 43.615, -116.2023, 4],
  ['Bozeman', 45.677, -111.0429, 3], ['Missoula', 46.8721, -113.994, 3], ['Jackson', 43.4799, -110.7624, 2],
  ['Flagstaff', 35.1983, -111.6513, 3], ['Phoenix', 33.4484, -112.074, 8], ['Tucson', 32.2226, -110.9747, 5],
  ['Albuquerque', 35.0844, -106.6504, 5], ['Santa Fe', 35.687, -105.9378, 3], ['Reno', 39.5296, -119.8138, 4],
  ['Truckee', 39.328, -120.1833, 2], ['Las Vegas', 36.1699, -115.1398, 6], ['Sacramento', 38.5816, -121.4944, 6],
  ['Bend', 44.0582, -121.3153, 3], ['Portland', 45.5152, -122.6784, 8], ['Seattle', 47.6062, -122.3321, 10],
  ['Spokane', 47.6588, -117.426, 4],
].map(([town, lat, lon, weight]) => ({ name: `Basecamp Outfitters ${town}`, lat, lon, weight }) as Store);

export const outdoor: CatalogVocabulary = {
  skuPrefix: 'OD',
  origin: 'https://outdoor.example.com',
  leaves,
  brands: [
    'Ridgeback',
    'Summit Forge',
    'Cascadia Gear',
    'Granite Peak',
    'Trailwise',
    'Northfork',
    'Basalt',
    'Wildpine',
    'Alpenglow',
    'High Desert Co',
    'Switchback',
    'Timberline Works',
    'Coyote Ridge',
    'Glacier Point',
    'Riverstone',
    'Sierra Trailworks',
    'Mesa Supply',
    'Arrowhead',
    'Backcountry Labs',
    'Stonefly',
    'Boreal Works',
    'Tamarack',
  ].map((name, rank) => ({ name, weight: 1 / (rank + 1) ** 0.8 })),
  colors: [
    { value: 'Black', weight: 14 },
    { value: 'Slate Grey', weight: 9 },
    { value: 'Forest Green', weight: 8 },
    { value: 'Navy', weight: 7 },
    { value: 'Blue', weight: 7 },
    { value: 'Orange', weight: 6 },
    { value: 'Red', weight: 6 },
    { value: 'Olive', weight: 5 },
    { value: 'Yellow', weight: 4 },
    { value: 'Teal', weight: 4 },
    { value: 'Tan', weight: 4 },
    { value: 'Charcoal', weight: 3 },
    { value: 'Purple', weight: 2 },
    { value: 'Lime', weight: 2 },
  ],
  collections: [
    'Activities > Backpacking > Multi-Day Trips',
    'Activities > Day Hiking > Trail Essentials',
    'Activities > Family Camping > Car Camping',
    'Activities > Alpine > Mountaineering',
    'Activities > Water > Lake Days',
    'Activities > Winter > Backcountry',
    'Guides > Gear Guides > Beginner Kit',
    'Guides > Gear Guides > Ultralight',
  ],
  saleRoot: 'Sale',
  newRoot: 'New Arrivals',
  // "The", never "a": nouns may be plural ("Trekking Poles", "Skis").
  openers: [
    (w) => `The ${lower(w.style)} ${lower(w.noun)} from ${w.brand}, built in ${w.material}.`,
    (w) => `The ${w.brand} ${lower(w.noun)}: ${lower(w.style)}, ${w.material} and ready for the backcountry.`,
    (w) => `${w.brand} made the ${lower(w.style)} ${lower(w.noun)} in ${w.material} for seasons of hard use.`,
    (w) => `${w.style} and tough: the ${lower(w.noun)} in ${lower(w.color)}.`,
  ],
  closers: [
    'Backed by our lifetime guarantee.',
    'Pick it up in store today or ship it free.',
    'Rent it in store before you buy.',
    'Members earn 10% back on every purchase.',
    'Staff pick for first-time backpackers.',
    'Tested by our guides in the Rockies.',
    'Free repairs for the first year.',
  ],
  stores,
};
