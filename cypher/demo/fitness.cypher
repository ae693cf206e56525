// Demo market 3: connected fitness in the US, as described around 2020 (Connected Strategy, ch. 3;
// company reports). Loaded on first start when the database holds no Market. Idempotent (MERGE on ids).
// Placements are inferred from the evidence below (org.cstrat.server.placement.PlacementRules); only
// Equinox declares one, which its evidence does not (yet) support.

MERGE (m:Market {id: 'us-connected-fitness'})
SET m.name = 'Connected fitness',
    m.region = 'United States',
    m.asOf = 2020,
    m.description = 'Working out at home, outdoors and in studios with connected equipment, wearables, apps and class passes.';

UNWIND [
  {id: 'peloton',   name: 'Peloton', parentId: 'peloton-inc', parent: 'Peloton Interactive',
   founded: 2012, status: 'active', type: 'new_entrant',
   description: 'Connected bike and treadmill with live and on-demand classes and a leaderboard.',
   source: 'Peloton sells its own bikes and treadmills and a monthly content subscription; the bike senses cadence and output and recommends classes from the rider\'s history.'},
  {id: 'tonal',     name: 'Tonal', parentId: 'tonal-inc', parent: 'Tonal Systems',
   founded: 2015, status: 'active', type: 'new_entrant',
   description: 'Wall-mounted digital strength trainer whose motor sets and adjusts the weight.',
   source: 'Tonal\'s electromagnetic motor measures every repetition, coaches form and, with Smart Flex and spotter modes switched on, changes the weight during a set by itself.'},
  {id: 'mirror',    name: 'Mirror', parentId: 'lululemon', parent: 'lululemon athletica',
   founded: 2016, status: 'active', type: 'new_entrant',
   description: 'A wall mirror that streams live and on-demand classes; bought by lululemon in 2020.',
   source: 'Mirror sells its own display and a monthly class membership; members pick the class they want to stream, and lululemon bought it in 2020 for $500 m.'},
  {id: 'strava',    name: 'Strava', parentId: 'strava-inc', parent: 'Strava Inc.',
   founded: 2009, status: 'active', type: 'new_entrant',
   description: 'Social network of runners and cyclists: activities, segments, clubs and goals.',
   source: 'Strava athletes record and share their runs and rides with each other, compete on segments other athletes created, and subscribers get goal tracking and training nudges.'},
  {id: 'classpass', name: 'ClassPass', parentId: 'classpass-inc', parent: 'ClassPass Inc.',
   founded: 2013, status: 'active', type: 'new_entrant',
   description: 'One credits subscription for classes at thousands of partner studios and gyms.',
   source: 'ClassPass buys spare class capacity from partner studios and resells it to members for monthly credits, recommending classes from each member\'s bookings.'},
  {id: 'fitbit',    name: 'Fitbit', parentId: 'google', parent: 'Google (Alphabet)',
   founded: 2007, status: 'active', type: 'new_entrant',
   description: 'Activity trackers and smartwatches with reminders to move, sleep insights and Fitbit Premium.',
   source: 'Fitbit\'s wrist devices count steps, heart rate and sleep, and remind the wearer to move when she has been still; Google agreed to buy Fitbit in 2019.'},
  {id: 'soulcycle', name: 'SoulCycle', parentId: 'equinox-group', parent: 'Equinox Group',
   founded: 2006, status: 'active', type: 'incumbent',
   description: 'Indoor cycling studios: riders book a bike in an instructor-led class.',
   source: 'SoulCycle riders choose a class and book a specific bike online, paying per ride or in series; Equinox Group is its majority owner.'},
  {id: 'equinox',   name: 'Equinox', parentId: 'equinox-group', parent: 'Equinox Group',
   founded: 1991, status: 'active', type: 'incumbent',
   description: 'Luxury gym clubs with personal training and the Equinox+ app.',
   source: 'Equinox runs its own high-end clubs for a monthly membership and sells personal training; trainers design programmes by hand, without a data platform behind them.'}
] AS f
MATCH (m:Market {id: 'us-connected-fitness'})
MERGE (c:Company {id: f.parentId})
SET c.name = f.parent
MERGE (firm:Firm {id: f.id})
SET firm.name = f.name, firm.description = f.description, firm.founded = f.founded,
    firm.status = f.status, firm.type = f.type, firm.source = f.source
MERGE (firm)-[:COMPETES_IN]->(m)
MERGE (firm)-[:OWNED_BY]->(c);

UNWIND [
  {firm: 'peloton',   id: 'peloton-classes',   name: 'Bike and classes'},
  {firm: 'tonal',     id: 'tonal-trainer',     name: 'Digital strength training'},
  {firm: 'mirror',    id: 'mirror-classes',    name: 'Mirror class membership'},
  {firm: 'strava',    id: 'strava-network',    name: 'Strava network and Summit'},
  {firm: 'classpass', id: 'classpass-credits', name: 'Class credits'},
  {firm: 'fitbit',    id: 'fitbit-tracking',   name: 'Activity tracking and Premium'},
  {firm: 'soulcycle', id: 'soulcycle-rides',   name: 'Studio rides'},
  {firm: 'equinox',   id: 'equinox-clubs',     name: 'Club membership and personal training'}
] AS o
MATCH (f:Firm {id: o.firm})
MERGE (off:Offering {id: o.id})
SET off.name = o.name
MERGE (f)-[:OFFERS]->(off);

// Equinox sees its trainers' programmes as a curated offering; without an analyze-stage technology the
// evidence says respond to desire, and the matrix shows the conflict.
MATCH (off:Offering {id: 'equinox-clubs'})
MATCH (e:Experience {id: 'curated_offering'})
MERGE (off)-[:DECLARED_EXPERIENCE]->(e);

UNWIND [
  {firm: 'peloton',   id: 'music-labels',      name: 'Music labels and publishers',   kind: 'organisation', role: 'supplier'},
  {firm: 'peloton',   id: 'peloton-instructors', name: 'Peloton instructors',         kind: 'organisation', role: 'influencer'},
  {firm: 'tonal',     id: 'tonal-coaches',     name: 'Tonal coaches',                 kind: 'organisation', role: 'influencer'},
  {firm: 'mirror',    id: 'mirror-trainers',   name: 'Personal trainers (1:1 add-on)', kind: 'organisation', role: 'partner'},
  {firm: 'strava',    id: 'strava-athletes',   name: 'Athletes sharing activities',   kind: 'crowd',        role: 'peer'},
  {firm: 'strava',    id: 'sports-brands',     name: 'Sports brands sponsoring challenges', kind: 'organisation', role: 'advertiser'},
  {firm: 'classpass', id: 'studios',           name: 'Partner studios and gyms',      kind: 'organisation', role: 'supplier'},
  {firm: 'fitbit',    id: 'employers-wellness', name: 'Employer wellness programmes', kind: 'organisation', role: 'partner'},
  {firm: 'fitbit',    id: 'retailers',         name: 'Electronics retailers',         kind: 'organisation', role: 'retailer'},
  {firm: 'soulcycle', id: 'soulcycle-instructors', name: 'SoulCycle instructors',     kind: 'organisation', role: 'influencer'},
  {firm: 'equinox',   id: 'equinox-trainers',  name: 'Equinox personal trainers',     kind: 'organisation', role: 'partner'}
] AS a
MATCH (f:Firm {id: a.firm})
MERGE (actor:Actor {id: a.id})
SET actor.name = a.name, actor.kind = a.kind
MERGE (f)-[r:HAS_ACTOR]->(actor)
SET r.role = a.role;

UNWIND [
  {firm: 'peloton',   actor: 'music-labels',       direction: 'firm_pays_actor', what: 'music licences'},
  {firm: 'peloton',   actor: 'peloton-instructors', direction: 'firm_pays_actor', what: 'salaries'},
  {firm: 'mirror',    actor: 'mirror-trainers',    direction: 'firm_pays_actor', what: 'share of 1:1 session fees'},
  {firm: 'strava',    actor: 'sports-brands',      direction: 'actor_pays_firm', what: 'sponsored challenges'},
  {firm: 'classpass', actor: 'studios',            direction: 'firm_pays_actor', what: 'payment per booked class'},
  {firm: 'fitbit',    actor: 'employers-wellness', direction: 'actor_pays_firm', what: 'wellness programme devices'},
  {firm: 'fitbit',    actor: 'retailers',          direction: 'actor_pays_firm', what: 'wholesale devices'},
  {firm: 'soulcycle', actor: 'soulcycle-instructors', direction: 'firm_pays_actor', what: 'pay per class'},
  {firm: 'equinox',   actor: 'equinox-trainers',   direction: 'firm_pays_actor', what: 'share of training fees'}
] AS p
MATCH (f:Firm {id: p.firm})
MATCH (a:Actor {id: p.actor})
FOREACH (_ IN CASE WHEN p.direction = 'actor_pays_firm' THEN [1] ELSE [] END |
  MERGE (a)-[r:PAYS]->(f) SET r.what = p.what)
FOREACH (_ IN CASE WHEN p.direction = 'firm_pays_actor' THEN [1] ELSE [] END |
  MERGE (f)-[r:PAYS]->(a) SET r.what = p.what);

UNWIND [
  {offering: 'peloton-classes', supplier: 'peloton'}, {offering: 'tonal-trainer', supplier: 'tonal'},
  {offering: 'mirror-classes', supplier: 'mirror'}, {offering: 'fitbit-tracking', supplier: 'fitbit'},
  {offering: 'soulcycle-rides', supplier: 'soulcycle'}, {offering: 'equinox-clubs', supplier: 'equinox'}
] AS s
MATCH (o:Offering {id: s.offering})
MATCH (f:Firm {id: s.supplier})
MERGE (o)-[:SUPPLIED_BY]->(f);

UNWIND [
  {offering: 'strava-network', supplier: 'strava-athletes'}, {offering: 'classpass-credits', supplier: 'studios'}
] AS s
MATCH (o:Offering {id: s.offering})
MATCH (a:Actor {id: s.supplier})
MERGE (o)-[:SUPPLIED_BY]->(a);

UNWIND [
  {id: 'mobile-app',   name: 'Mobile app',             kind: 'digital'},
  {id: 'web',          name: 'Website',                kind: 'digital'},
  {id: 'email',        name: 'E-mail',                 kind: 'digital'},
  {id: 'home-device',  name: 'Connected home equipment', kind: 'device'},
  {id: 'wearable',     name: 'Wearable device',        kind: 'device'},
  {id: 'studio',       name: 'Studio or club',         kind: 'physical'}
] AS c
MERGE (ch:Channel {id: c.id})
SET ch.name = c.name, ch.kind = c.kind;

// initiative: customer | firm_curated | firm_coach | firm_automatic | firm_notify.
UNWIND [
  {firm: 'peloton',   id: 'peloton-screen',     name: 'Bike screen: pick a class',            channel: 'home-device', initiative: 'customer',     moment: true},
  {firm: 'peloton',   id: 'peloton-for-you',    name: 'Classes recommended for you',          channel: 'home-device', initiative: 'firm_curated', moment: false},
  {firm: 'peloton',   id: 'peloton-ratings',    name: 'Rate the class',                       channel: 'home-device', initiative: 'firm_notify',  moment: false, feedback: true},
  {firm: 'tonal',     id: 'tonal-screen',       name: 'Tonal screen: start a programme',      channel: 'home-device', initiative: 'customer',     moment: true},
  {firm: 'tonal',     id: 'tonal-form',         name: 'Form feedback and next-weight advice', channel: 'home-device', initiative: 'firm_coach',   moment: true, feedback: true},
  {firm: 'tonal',     id: 'tonal-smart-flex',   name: 'Smart Flex: weight adjusts mid-set',   channel: 'home-device', initiative: 'firm_automatic', moment: true, standing: true},
  {firm: 'mirror',    id: 'mirror-screen',      name: 'Mirror: choose a class',               channel: 'home-device', initiative: 'customer',     moment: true},
  {firm: 'mirror',    id: 'mirror-app',         name: 'Mirror app: schedule',                 channel: 'mobile-app',  initiative: 'customer',     moment: false},
  {firm: 'strava',    id: 'strava-record',      name: 'Record and share an activity',         channel: 'mobile-app',  initiative: 'customer',     moment: true},
  {firm: 'strava',    id: 'strava-goals',       name: 'Goal progress nudges',                 channel: 'mobile-app',  initiative: 'firm_coach',   moment: false},
  {firm: 'strava',    id: 'strava-kudos',       name: 'Kudos and comments from athletes',     channel: 'mobile-app',  initiative: 'firm_notify',  moment: false, feedback: true},
  {firm: 'classpass', id: 'classpass-app',      name: 'ClassPass app: book a class',          channel: 'mobile-app',  initiative: 'customer',     moment: true},
  {firm: 'classpass', id: 'classpass-picks',    name: 'Recommended classes nearby',           channel: 'email',       initiative: 'firm_curated', moment: false},
  {firm: 'classpass', id: 'classpass-review',   name: 'Rate your class',                      channel: 'mobile-app',  initiative: 'firm_notify',  moment: false, feedback: true},
  {firm: 'fitbit',    id: 'fitbit-app',         name: 'Fitbit app: dashboard',                channel: 'mobile-app',  initiative: 'customer',     moment: false},
  {firm: 'fitbit',    id: 'fitbit-move',        name: 'Reminder to move: 250 steps this hour', channel: 'wearable',   initiative: 'firm_coach',   moment: true},
  {firm: 'soulcycle', id: 'soulcycle-booking',  name: 'Book a bike online',                   channel: 'web',         initiative: 'customer',     moment: true},
  {firm: 'soulcycle', id: 'soulcycle-studio',   name: 'Studio ride',                          channel: 'studio',      initiative: 'customer',     moment: true},
  {firm: 'equinox',   id: 'equinox-club',       name: 'Club visit',                           channel: 'studio',      initiative: 'customer',     moment: true},
  {firm: 'equinox',   id: 'equinox-plus',       name: 'Equinox+ app: classes',                channel: 'mobile-app',  initiative: 'customer',     moment: false},
  {firm: 'equinox',   id: 'equinox-programme',  name: 'Trainer-designed programme',           channel: 'studio',      initiative: 'firm_curated', moment: false}
] AS t
MATCH (f:Firm {id: t.firm})
MATCH (ch:Channel {id: t.channel})
MERGE (tp:Touchpoint {id: t.id})
SET tp.name = t.name, tp.initiative = t.initiative, tp.momentOfTruth = t.moment,
    tp.collectsFeedback = coalesce(t.feedback, false), tp.standingAuthorisation = coalesce(t.standing, false)
MERGE (f)-[:OPERATES]->(tp)
MERGE (tp)-[:VIA]->(ch);

UNWIND [
  {id: 'bike-sensors',      name: 'Cadence and resistance sensors',     star: 'sense'},
  {id: 'strength-motor',    name: 'Digital weight motor and sensors',   star: 'sense'},
  {id: 'wrist-sensors',     name: 'Wrist accelerometer and heart rate', star: 'sense'},
  {id: 'smartphone-gps',    name: 'Smartphone GPS location',            star: 'sense'},
  {id: 'wifi-streaming',    name: 'Live and on-demand video streaming', star: 'transmit'},
  {id: 'mobile-app-sdk',    name: 'Mobile app platform',                star: 'transmit'},
  {id: 'bluetooth',         name: 'Bluetooth Low Energy link',          star: 'transmit'},
  {id: 'class-recommender', name: 'Class recommender',                  star: 'analyze'},
  {id: 'strength-model',    name: 'Strength and form model',            star: 'analyze'},
  {id: 'activity-analytics', name: 'Activity and goal analytics',       star: 'analyze'},
  {id: 'auto-weight',       name: 'Automatic weight adjustment',        star: 'react'},
  {id: 'push-notifications', name: 'Push notifications',                star: 'react'},
  {id: 'haptic-buzz',       name: 'Wrist vibration alerts',             star: 'react'}
] AS t
MATCH (s:StarStage {id: t.star})
MERGE (tech:Technology {id: t.id})
SET tech.name = t.name, tech.star = t.star
MERGE (tech)-[:AT_STAGE]->(s);

UNWIND [
  {firm: 'peloton',   tech: ['bike-sensors', 'wifi-streaming', 'class-recommender', 'push-notifications']},
  {firm: 'tonal',     tech: ['strength-motor', 'wifi-streaming', 'strength-model', 'auto-weight']},
  {firm: 'mirror',    tech: ['wifi-streaming', 'mobile-app-sdk', 'bluetooth']},
  {firm: 'strava',    tech: ['smartphone-gps', 'mobile-app-sdk', 'activity-analytics', 'push-notifications']},
  {firm: 'classpass', tech: ['mobile-app-sdk', 'class-recommender', 'push-notifications']},
  {firm: 'fitbit',    tech: ['wrist-sensors', 'bluetooth', 'activity-analytics', 'haptic-buzz']},
  {firm: 'soulcycle', tech: ['mobile-app-sdk']},
  {firm: 'equinox',   tech: ['mobile-app-sdk', 'wifi-streaming']}
] AS u
MATCH (f:Firm {id: u.firm})
UNWIND u.tech AS techId
MATCH (tech:Technology {id: techId})
MERGE (f)-[:USES]->(tech);

UNWIND [
  {firm: 'peloton',   id: 'peloton-bike',       name: 'Bike purchase',                  kind: 'flat_price',   payer: 'customer', unit: 'bike',   price: 2245.0},
  {firm: 'peloton',   id: 'peloton-membership', name: 'All-access membership',          kind: 'subscription', payer: 'customer', unit: 'month',  price: 39.0},
  {firm: 'tonal',     id: 'tonal-device',       name: 'Trainer purchase',               kind: 'flat_price',   payer: 'customer', unit: 'device', price: 2995.0},
  {firm: 'tonal',     id: 'tonal-membership',   name: 'Membership',                     kind: 'subscription', payer: 'customer', unit: 'month',  price: 49.0},
  {firm: 'mirror',    id: 'mirror-membership',  name: 'Class membership',               kind: 'subscription', payer: 'customer', unit: 'month',  price: 39.0},
  {firm: 'strava',    id: 'strava-summit',      name: 'Summit subscription',            kind: 'subscription', payer: 'customer', unit: 'month',  price: 5.0},
  {firm: 'strava',    id: 'strava-sponsors',    name: 'Sponsored challenges',           kind: 'third_party_pays', payer: 'actor', unit: 'challenge', price: 50000.0, paidBy: 'sports-brands'},
  {firm: 'classpass', id: 'classpass-plan',     name: 'Monthly credits',                kind: 'subscription', payer: 'customer', unit: 'month',  price: 49.0},
  {firm: 'fitbit',    id: 'fitbit-device',      name: 'Tracker purchase',               kind: 'flat_price',   payer: 'customer', unit: 'device', price: 149.0},
  {firm: 'fitbit',    id: 'fitbit-premium',     name: 'Fitbit Premium',                 kind: 'subscription', payer: 'customer', unit: 'month',  price: 9.99},
  {firm: 'soulcycle', id: 'soulcycle-ride',     name: 'Price per ride, less in series', kind: 'personalised_pricing', payer: 'customer', unit: 'ride', price: 34.0, indicator: 'quantity'},
  {firm: 'equinox',   id: 'equinox-dues',       name: 'Monthly club dues',              kind: 'subscription', payer: 'customer', unit: 'month',  price: 220.0},
  {firm: 'equinox',   id: 'equinox-training',   name: 'Personal training sessions',     kind: 'pay_per_use',  payer: 'customer', unit: 'session', price: 120.0}
] AS r
MATCH (f:Firm {id: r.firm})
MERGE (rm:RevenueModel {id: r.id})
SET rm.name = r.name, rm.kind = r.kind, rm.payer = r.payer, rm.unit = r.unit,
    rm.price = r.price, rm.indicator = r.indicator
MERGE (f)-[:EARNS_BY]->(rm)
WITH rm, r
WHERE r.paidBy IS NOT NULL
MATCH (a:Actor {id: r.paidBy})
MERGE (rm)-[:PAID_BY]->(a);
