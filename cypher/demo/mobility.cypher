// Demo market 1: US personal mobility, as described around 2019 (Connected Strategy, ch. 5-6).
// Loaded on first start when the database holds no Market. Idempotent (MERGE on ids).
// Synthetic customers and their interaction episodes are added by demo/customers.cypher,
// fed by a seeded generator (org.cstrat.server.demo.DemoCustomers).

MERGE (m:Market {id: 'us-mobility'})
SET m.name = 'US personal mobility',
    m.region = 'United States',
    m.asOf = 2019,
    m.description = 'Getting people from A to B without owning a car: car sharing, rental, ride hailing, ride pooling and car marketplaces.';

UNWIND [
  {id: 'maven',     name: 'Maven',      parentId: 'gm',        parent: 'General Motors',
   founded: 2016, status: 'active', type: 'corporate_venture',
   description: 'Car sharing with GM vehicles, booked and unlocked in an app.',
   source: 'GM launched Maven in 2016 to rent its own cars by the hour through an app, making GM a connected producer of mobility rather than only a seller of cars.'},
  {id: 'car2go',    name: 'Car2Go',     parentId: 'daimler',   parent: 'Daimler',
   founded: 2008, status: 'active', type: 'corporate_venture',
   description: 'Free-floating car sharing with Daimler (smart, Mercedes-Benz) cars.',
   source: 'Daimler\'s Car2Go let customers find, unlock and leave a Daimler-built car anywhere in the zone, billed by the minute.'},
  {id: 'drivenow',  name: 'DriveNow',   parentId: 'bmw',       parent: 'BMW Group',
   founded: 2011, status: 'active', type: 'corporate_venture',
   description: 'Free-floating car sharing with BMW and MINI cars.',
   source: 'BMW\'s DriveNow offered its own BMW and MINI cars for per-minute use, located and opened by app.'},
  {id: 'hertz',     name: 'Hertz',      parentId: 'hertz-global', parent: 'Hertz Global Holdings',
   founded: 1918, status: 'active', type: 'incumbent',
   description: 'Car rental of many makers\' cars with a loyalty programme that skips the counter.',
   source: 'Hertz rents cars built by many manufacturers; its Gold Plus Rewards members are recognised and go straight to their car.'},
  {id: 'zipcar',    name: 'Zipcar',     parentId: 'avis-budget', parent: 'Avis Budget Group',
   founded: 2000, status: 'active', type: 'new_entrant',
   description: 'Membership car sharing of many makers\' cars parked in reserved spots.',
   source: 'Zipcar members reserve cars from many makers by app and open them with a card, paying by the hour; Avis Budget bought Zipcar in 2013.'},
  {id: 'carshare',  name: 'Enterprise CarShare', parentId: 'enterprise', parent: 'Enterprise Holdings',
   founded: 2008, status: 'active', type: 'corporate_venture',
   description: 'Hourly car sharing from the Enterprise rental fleet, for cities, campuses and companies.',
   source: 'Enterprise CarShare rents cars of many makers by the hour to members in cities and on campuses.'},
  {id: 'carscom',   name: 'Cars.com',   parentId: 'cars-com-inc', parent: 'Cars.com Inc.',
   founded: 1998, status: 'active', type: 'new_entrant',
   description: 'Marketplace matching car buyers with dealers, who pay for listings and leads.',
   source: 'Cars.com matches car shoppers with dealers; the dealers pay subscription and lead fees, the shoppers pay nothing.'},
  {id: 'uber',      name: 'Uber',       parentId: 'uber-tech', parent: 'Uber Technologies',
   founded: 2009, status: 'active', type: 'new_entrant',
   description: 'Ride hailing: a crowd of independent drivers matched to riders by app.',
   source: 'Uber connects riders with a crowd of independent drivers using their own cars, sets the price and keeps a commission.'},
  {id: 'lyft',      name: 'Lyft',       parentId: 'lyft-inc', parent: 'Lyft Inc.',
   founded: 2012, status: 'active', type: 'new_entrant',
   description: 'Ride hailing with independent drivers, including shared rides.',
   source: 'Lyft orchestrates independent drivers to serve ride requests, with dynamic prices and a commission on each ride.'},
  {id: 'blablacar', name: 'BlaBlaCar',  parentId: 'comuto', parent: 'Comuto SA',
   founded: 2006, status: 'active', type: 'new_entrant',
   description: 'Long-distance ride sharing: drivers with empty seats take passengers going the same way.',
   source: 'BlaBlaCar fills empty seats of drivers already making a trip, matching them with passengers and charging a booking fee.'},
  {id: 'chariot',   name: 'Chariot',    parentId: 'ford', parent: 'Ford Motor Company',
   founded: 2014, status: 'failed', type: 'new_entrant',
   description: 'Commuter ride pooling in Ford vans on routes drawn from riders\' crowdsourced demand; shut down in 2019.',
   source: 'Ford bought Chariot in 2016 to run pooled commuter vans on crowdsourced routes; it closed in early 2019 after failing to reach scale.'}
] AS f
MATCH (m:Market {id: 'us-mobility'})
MERGE (c:Company {id: f.parentId})
SET c.name = f.parent
MERGE (firm:Firm {id: f.id})
SET firm.name = f.name, firm.description = f.description, firm.founded = f.founded,
    firm.status = f.status, firm.type = f.type, firm.source = f.source
MERGE (firm)-[:COMPETES_IN]->(m)
MERGE (firm)-[:OWNED_BY]->(c);

// Offerings. Their matrix cell is inferred from the evidence below (touchpoints, technologies, suppliers,
// money flows); the experience/architecture listed here is where the book places them, and only Chariot's
// is stored as a declared placement (DECLARED_EXPERIENCE/DECLARED_ARCHITECTURE), to show a declaration
// that the evidence confirms. See org.cstrat.server.placement.PlacementRules.
UNWIND [
  {firm: 'maven',     id: 'maven-carsharing',   name: 'Maven City car sharing',     experience: 'respond_to_desire',   architecture: 'connected_producer', supplier: 'self'},
  {firm: 'car2go',    id: 'car2go-freefloat',   name: 'Free-floating car sharing',  experience: 'respond_to_desire',   architecture: 'connected_producer', supplier: 'self'},
  {firm: 'drivenow',  id: 'drivenow-freefloat', name: 'Free-floating car sharing',  experience: 'respond_to_desire',   architecture: 'connected_producer', supplier: 'self'},
  {firm: 'hertz',     id: 'hertz-rental',       name: 'Car rental',                 experience: 'respond_to_desire',   architecture: 'connected_retailer', supplier: 'carmakers'},
  {firm: 'hertz',     id: 'hertz-gold',         name: 'Gold Plus Rewards',          experience: 'curated_offering',    architecture: 'connected_retailer', supplier: 'carmakers'},
  {firm: 'zipcar',    id: 'zipcar-membership',  name: 'Zipcar membership',          experience: 'respond_to_desire',   architecture: 'connected_retailer', supplier: 'carmakers'},
  {firm: 'carshare',  id: 'carshare-hourly',    name: 'Hourly car sharing',         experience: 'respond_to_desire',   architecture: 'connected_retailer', supplier: 'carmakers'},
  {firm: 'carscom',   id: 'carscom-marketplace', name: 'Car marketplace',           experience: 'curated_offering',    architecture: 'market_maker',       supplier: 'dealers'},
  {firm: 'uber',      id: 'uber-rides',         name: 'UberX rides',                experience: 'respond_to_desire',   architecture: 'crowd_orchestrator', supplier: 'uber-drivers'},
  {firm: 'lyft',      id: 'lyft-rides',         name: 'Lyft rides',                 experience: 'respond_to_desire',   architecture: 'crowd_orchestrator', supplier: 'lyft-drivers'},
  {firm: 'blablacar', id: 'blablacar-trips',    name: 'Long-distance ride sharing', experience: 'respond_to_desire',   architecture: 'crowd_orchestrator', supplier: 'blablacar-drivers'},
  {firm: 'chariot',   id: 'chariot-commute',    name: 'Pooled commuter vans',       experience: 'curated_offering',    architecture: 'connected_producer', supplier: 'self'}
] AS o
MATCH (f:Firm {id: o.firm})
MERGE (off:Offering {id: o.id})
SET off.name = o.name
MERGE (f)-[:OFFERS]->(off);

MATCH (off:Offering {id: 'chariot-commute'})
MATCH (e:Experience {id: 'curated_offering'})
MATCH (a:Architecture {id: 'connected_producer'})
MERGE (off)-[:DECLARED_EXPERIENCE]->(e)
MERGE (off)-[:DECLARED_ARCHITECTURE]->(a);

// Ecosystem actors and each one's role towards the firm.
UNWIND [
  {firm: 'maven',     id: 'gm-dealers',         name: 'GM dealers',                     kind: 'organisation', role: 'distributor'},
  {firm: 'maven',     id: 'gig-drivers',        name: 'Gig-economy drivers renting cars', kind: 'crowd',     role: 'partner'},
  {firm: 'car2go',    id: 'cities',             name: 'City parking authorities',       kind: 'public_body',  role: 'regulator'},
  {firm: 'drivenow',  id: 'cities',             name: 'City parking authorities',       kind: 'public_body',  role: 'regulator'},
  {firm: 'hertz',     id: 'carmakers',          name: 'Car manufacturers',              kind: 'organisation', role: 'producer'},
  {firm: 'hertz',     id: 'airlines',           name: 'Airline loyalty programmes',     kind: 'organisation', role: 'partner'},
  {firm: 'hertz',     id: 'travel-agents',      name: 'Online travel agents',           kind: 'organisation', role: 'distributor'},
  {firm: 'zipcar',    id: 'carmakers',          name: 'Car manufacturers',              kind: 'organisation', role: 'producer'},
  {firm: 'zipcar',    id: 'universities',       name: 'Universities and employers',     kind: 'organisation', role: 'prescriber'},
  {firm: 'carshare',  id: 'carmakers',          name: 'Car manufacturers',              kind: 'organisation', role: 'producer'},
  {firm: 'carshare',  id: 'universities',       name: 'Universities and employers',     kind: 'organisation', role: 'prescriber'},
  {firm: 'carscom',   id: 'dealers',            name: 'Car dealers',                    kind: 'organisation', role: 'partner'},
  {firm: 'carscom',   id: 'lenders',            name: 'Auto lenders and insurers',      kind: 'organisation', role: 'advertiser'},
  {firm: 'uber',      id: 'uber-drivers',       name: 'Independent Uber drivers',       kind: 'crowd',        role: 'crowd_supplier'},
  {firm: 'uber',      id: 'restaurants',        name: 'Restaurants (Uber Eats)',        kind: 'organisation', role: 'partner'},
  {firm: 'uber',      id: 'car-lessors',        name: 'Car leasing partners',           kind: 'organisation', role: 'supplier'},
  {firm: 'lyft',      id: 'lyft-drivers',       name: 'Independent Lyft drivers',       kind: 'crowd',        role: 'crowd_supplier'},
  {firm: 'lyft',      id: 'car-lessors',        name: 'Car leasing partners',           kind: 'organisation', role: 'supplier'},
  {firm: 'lyft',      id: 'transit-agencies',   name: 'Public transit agencies',        kind: 'public_body',  role: 'partner'},
  {firm: 'blablacar', id: 'blablacar-drivers',  name: 'Private drivers with empty seats', kind: 'crowd',      role: 'crowd_supplier'},
  {firm: 'blablacar', id: 'insurers',           name: 'Insurance partners',             kind: 'organisation', role: 'partner'},
  {firm: 'chariot',   id: 'ford-vans',          name: 'Ford Transit fleet',             kind: 'organisation', role: 'producer'},
  {firm: 'chariot',   id: 'employers',          name: 'Employers buying commuter routes', kind: 'organisation', role: 'partner'}
] AS a
MATCH (f:Firm {id: a.firm})
MERGE (actor:Actor {id: a.id})
SET actor.name = a.name, actor.kind = a.kind
MERGE (f)-[r:HAS_ACTOR]->(actor)
SET r.role = a.role;

// Who pays whom among firms and actors (customers pay through the firm's revenue models).
UNWIND [
  {from: 'maven',     to: 'gig-drivers',   direction: 'actor_pays_firm', what: 'weekly car rental for ride-hailing work'},
  {from: 'hertz',     to: 'carmakers',     direction: 'firm_pays_actor', what: 'fleet purchases'},
  {from: 'hertz',     to: 'travel-agents', direction: 'firm_pays_actor', what: 'booking commissions'},
  {from: 'hertz',     to: 'airlines',      direction: 'firm_pays_actor', what: 'loyalty miles'},
  {from: 'zipcar',    to: 'carmakers',     direction: 'firm_pays_actor', what: 'fleet purchases'},
  {from: 'zipcar',    to: 'universities',  direction: 'actor_pays_firm', what: 'campus fleet contracts'},
  {from: 'carshare',  to: 'carmakers',     direction: 'firm_pays_actor', what: 'fleet purchases'},
  {from: 'carscom',   to: 'dealers',       direction: 'actor_pays_firm', what: 'listing subscriptions and lead fees'},
  {from: 'carscom',   to: 'lenders',       direction: 'actor_pays_firm', what: 'advertising'},
  {from: 'uber',      to: 'uber-drivers',  direction: 'firm_pays_actor', what: 'fares less commission'},
  {from: 'uber',      to: 'restaurants',   direction: 'actor_pays_firm', what: 'delivery commission'},
  {from: 'lyft',      to: 'lyft-drivers',  direction: 'firm_pays_actor', what: 'fares less commission'},
  {from: 'lyft',      to: 'transit-agencies', direction: 'actor_pays_firm', what: 'first/last-mile subsidies'},
  {from: 'blablacar', to: 'blablacar-drivers', direction: 'firm_pays_actor', what: 'passenger contributions less booking fee'},
  {from: 'blablacar', to: 'insurers',      direction: 'actor_pays_firm', what: 'referral fees'},
  {from: 'chariot',   to: 'ford-vans',     direction: 'firm_pays_actor', what: 'van leases'},
  {from: 'chariot',   to: 'employers',     direction: 'actor_pays_firm', what: 'private commuter routes'}
] AS p
MATCH (f:Firm {id: p.from})
MATCH (a:Actor {id: p.to})
FOREACH (_ IN CASE WHEN p.direction = 'actor_pays_firm' THEN [1] ELSE [] END |
  MERGE (a)-[r:PAYS]->(f) SET r.what = p.what)
FOREACH (_ IN CASE WHEN p.direction = 'firm_pays_actor' THEN [1] ELSE [] END |
  MERGE (f)-[r:PAYS]->(a) SET r.what = p.what);

// Who supplies each offering: the firm itself, or an actor.
UNWIND [
  {offering: 'maven-carsharing', supplier: 'maven'}, {offering: 'car2go-freefloat', supplier: 'car2go'},
  {offering: 'drivenow-freefloat', supplier: 'drivenow'}, {offering: 'chariot-commute', supplier: 'chariot'}
] AS s
MATCH (o:Offering {id: s.offering})
MATCH (f:Firm {id: s.supplier})
MERGE (o)-[:SUPPLIED_BY]->(f);

UNWIND [
  {offering: 'hertz-rental', supplier: 'carmakers'}, {offering: 'hertz-gold', supplier: 'carmakers'},
  {offering: 'zipcar-membership', supplier: 'carmakers'}, {offering: 'carshare-hourly', supplier: 'carmakers'},
  {offering: 'carscom-marketplace', supplier: 'dealers'}, {offering: 'uber-rides', supplier: 'uber-drivers'},
  {offering: 'lyft-rides', supplier: 'lyft-drivers'}, {offering: 'blablacar-trips', supplier: 'blablacar-drivers'}
] AS s
MATCH (o:Offering {id: s.offering})
MATCH (a:Actor {id: s.supplier})
MERGE (o)-[:SUPPLIED_BY]->(a);

// Channels are shared across firms.
UNWIND [
  {id: 'mobile-app', name: 'Mobile app',        kind: 'digital'},
  {id: 'web',        name: 'Website',           kind: 'digital'},
  {id: 'phone',      name: 'Call centre',       kind: 'voice'},
  {id: 'counter',    name: 'Rental counter',    kind: 'physical'},
  {id: 'vehicle',    name: 'In-vehicle device', kind: 'device'},
  {id: 'email',      name: 'E-mail',            kind: 'digital'},
  {id: 'sms',        name: 'Text message',      kind: 'digital'}
] AS c
MERGE (ch:Channel {id: c.id})
SET ch.name = c.name, ch.kind = c.kind;

// Touchpoints: who initiates the episodes they support
// (customer | firm_curated | firm_coach | firm_automatic | firm_notify), whether a touchpoint is a moment of
// truth of the journey, whether it collects the customer's feedback (feedback: true) and whether it rests on a
// standing authorisation (standing: true; none in this market).
UNWIND [
  {firm: 'maven',     id: 'maven-app',          name: 'Maven app: find and book',         channel: 'mobile-app', initiative: 'customer',       moment: true},
  {firm: 'maven',     id: 'maven-keyless',      name: 'Keyless unlock',                   channel: 'vehicle',    initiative: 'customer',       moment: true},
  {firm: 'maven',     id: 'maven-support',      name: 'Maven support line',               channel: 'phone',      initiative: 'customer',       moment: false},
  {firm: 'car2go',    id: 'car2go-app',         name: 'Car2Go app: locate and reserve',   channel: 'mobile-app', initiative: 'customer',       moment: true},
  {firm: 'car2go',    id: 'car2go-onboard',     name: 'Onboard screen: end trip',         channel: 'vehicle',    initiative: 'customer',       moment: true},
  {firm: 'drivenow',  id: 'drivenow-app',       name: 'DriveNow app',                     channel: 'mobile-app', initiative: 'customer',       moment: true},
  {firm: 'drivenow',  id: 'drivenow-card',      name: 'Driving-licence chip unlock',      channel: 'vehicle',    initiative: 'customer',       moment: false},
  {firm: 'hertz',     id: 'hertz-web',          name: 'Hertz.com booking',                channel: 'web',        initiative: 'customer',       moment: false},
  {firm: 'hertz',     id: 'hertz-counter',      name: 'Airport counter',                  channel: 'counter',    initiative: 'customer',       moment: true},
  {firm: 'hertz',     id: 'hertz-gold-board',   name: 'Gold board: your car is ready',    channel: 'sms',        initiative: 'firm_curated',   moment: true},
  {firm: 'hertz',     id: 'hertz-offers',       name: 'Member upgrade offers',            channel: 'email',      initiative: 'firm_curated',   moment: false},
  {firm: 'zipcar',    id: 'zipcar-app',         name: 'Zipcar app: reserve',              channel: 'mobile-app', initiative: 'customer',       moment: true},
  {firm: 'zipcar',    id: 'zipcard',            name: 'Zipcard unlock',                   channel: 'vehicle',    initiative: 'customer',       moment: true},
  {firm: 'zipcar',    id: 'zipcar-reminder',    name: 'Return-time reminder',             channel: 'sms',        initiative: 'firm_notify',     moment: false},
  {firm: 'carshare',  id: 'carshare-web',       name: 'CarShare reservation site',        channel: 'web',        initiative: 'customer',       moment: true},
  {firm: 'carshare',  id: 'carshare-app',       name: 'CarShare app',                     channel: 'mobile-app', initiative: 'customer',       moment: false},
  {firm: 'carscom',   id: 'carscom-search',     name: 'Search and compare listings',      channel: 'web',        initiative: 'customer',       moment: true},
  {firm: 'carscom',   id: 'carscom-matches',    name: 'Recommended listings',             channel: 'email',      initiative: 'firm_curated',   moment: false},
  {firm: 'carscom',   id: 'carscom-app',        name: 'Cars.com app',                     channel: 'mobile-app', initiative: 'customer',       moment: false},
  {firm: 'uber',      id: 'uber-app',           name: 'Uber app: request a ride',         channel: 'mobile-app', initiative: 'customer',       moment: true},
  {firm: 'uber',      id: 'uber-pickup',        name: 'Driver pick-up',                   channel: 'vehicle',    initiative: 'customer',       moment: true},
  {firm: 'uber',      id: 'uber-rating',        name: 'Trip rating and receipt',          channel: 'mobile-app', initiative: 'firm_notify',     moment: false, feedback: true},
  {firm: 'lyft',      id: 'lyft-app',           name: 'Lyft app: request a ride',         channel: 'mobile-app', initiative: 'customer',       moment: true},
  {firm: 'lyft',      id: 'lyft-pickup',        name: 'Driver pick-up',                   channel: 'vehicle',    initiative: 'customer',       moment: true},
  {firm: 'lyft',      id: 'lyft-rating',        name: 'Trip rating',                      channel: 'mobile-app', initiative: 'firm_notify',     moment: false, feedback: true},
  {firm: 'blablacar', id: 'blablacar-app',      name: 'BlaBlaCar app: find a seat',       channel: 'mobile-app', initiative: 'customer',       moment: true},
  {firm: 'blablacar', id: 'blablacar-web',      name: 'BlaBlaCar website',                channel: 'web',        initiative: 'customer',       moment: false},
  {firm: 'blablacar', id: 'blablacar-review',   name: 'Peer reviews',                     channel: 'mobile-app', initiative: 'firm_notify',     moment: true, feedback: true},
  {firm: 'chariot',   id: 'chariot-app',        name: 'Chariot app: book a seat',         channel: 'mobile-app', initiative: 'customer',       moment: true},
  {firm: 'chariot',   id: 'chariot-routes',     name: 'Suggested commuter routes',        channel: 'mobile-app', initiative: 'firm_curated',   moment: false},
  {firm: 'chariot',   id: 'chariot-van',        name: 'Van boarding',                     channel: 'vehicle',    initiative: 'customer',       moment: true}
] AS t
MATCH (f:Firm {id: t.firm})
MATCH (ch:Channel {id: t.channel})
MERGE (tp:Touchpoint {id: t.id})
SET tp.name = t.name, tp.initiative = t.initiative, tp.momentOfTruth = t.moment,
    tp.collectsFeedback = coalesce(t.feedback, false), tp.standingAuthorisation = coalesce(t.standing, false)
MERGE (f)-[:OPERATES]->(tp)
MERGE (tp)-[:VIA]->(ch);

// Touchpoints that serve only some of a firm's offerings (the others serve all of its offerings).
UNWIND [
  {touchpoint: 'hertz-gold-board', offering: 'hertz-gold'},
  {touchpoint: 'hertz-offers',     offering: 'hertz-gold'}
] AS s
MATCH (tp:Touchpoint {id: s.touchpoint})
MATCH (o:Offering {id: s.offering})
MERGE (tp)-[:SUPPORTS]->(o);

// Technologies, each at one STAR stage, shared across firms.
UNWIND [
  {id: 'smartphone-gps',   name: 'Smartphone GPS location',        star: 'sense'},
  {id: 'telematics',       name: 'Vehicle telematics unit',        star: 'sense'},
  {id: 'rfid-card',        name: 'RFID membership card reader',    star: 'sense'},
  {id: 'cellular',         name: 'Cellular data link',             star: 'transmit'},
  {id: 'mobile-app-sdk',   name: 'Mobile app platform',            star: 'transmit'},
  {id: 'crm-loyalty',      name: 'CRM and loyalty database',       star: 'analyze'},
  {id: 'matching-engine',  name: 'Real-time matching engine',      star: 'analyze'},
  {id: 'dynamic-pricing',  name: 'Dynamic pricing model',          star: 'analyze'},
  {id: 'route-optimiser',  name: 'Route optimisation from demand', star: 'analyze'},
  {id: 'recommender',      name: 'Listing recommender',            star: 'analyze'},
  {id: 'remote-unlock',    name: 'Remote lock and unlock',         star: 'react'},
  {id: 'push-notifications', name: 'Push notifications',           star: 'react'},
  {id: 'dispatch',         name: 'Driver dispatch',                star: 'react'}
] AS t
MATCH (s:StarStage {id: t.star})
MERGE (tech:Technology {id: t.id})
SET tech.name = t.name, tech.star = t.star
MERGE (tech)-[:AT_STAGE]->(s);

UNWIND [
  {firm: 'maven',     tech: ['smartphone-gps', 'telematics', 'cellular', 'mobile-app-sdk', 'remote-unlock']},
  {firm: 'car2go',    tech: ['smartphone-gps', 'telematics', 'cellular', 'mobile-app-sdk', 'remote-unlock', 'dynamic-pricing']},
  {firm: 'drivenow',  tech: ['smartphone-gps', 'telematics', 'rfid-card', 'cellular', 'mobile-app-sdk', 'remote-unlock']},
  {firm: 'hertz',     tech: ['crm-loyalty', 'mobile-app-sdk', 'push-notifications', 'dynamic-pricing']},
  {firm: 'zipcar',    tech: ['rfid-card', 'telematics', 'cellular', 'mobile-app-sdk', 'remote-unlock', 'push-notifications']},
  {firm: 'carshare',  tech: ['rfid-card', 'telematics', 'cellular', 'mobile-app-sdk']},
  {firm: 'carscom',   tech: ['mobile-app-sdk', 'recommender', 'crm-loyalty', 'push-notifications']},
  {firm: 'uber',      tech: ['smartphone-gps', 'cellular', 'mobile-app-sdk', 'matching-engine', 'dynamic-pricing', 'dispatch', 'push-notifications']},
  {firm: 'lyft',      tech: ['smartphone-gps', 'cellular', 'mobile-app-sdk', 'matching-engine', 'dynamic-pricing', 'dispatch']},
  {firm: 'blablacar', tech: ['smartphone-gps', 'mobile-app-sdk', 'matching-engine', 'push-notifications']},
  {firm: 'chariot',   tech: ['smartphone-gps', 'mobile-app-sdk', 'route-optimiser', 'dispatch']}
] AS u
MATCH (f:Firm {id: u.firm})
UNWIND u.tech AS techId
MATCH (tech:Technology {id: techId})
MERGE (f)-[:USES]->(tech);

// Revenue models. kind: see org.cstrat.framework.RevenueModelKind; payer: customer | actor.
UNWIND [
  {firm: 'maven',     id: 'maven-hourly',      name: 'Hourly rate, fuel included',       kind: 'pay_per_use',          payer: 'customer', unit: 'hour',   price: 8.0},
  {firm: 'maven',     id: 'maven-gig',         name: 'Weekly rental for gig drivers',    kind: 'subscription',         payer: 'actor',    unit: 'week',   price: 229.0, paidBy: 'gig-drivers'},
  {firm: 'car2go',    id: 'car2go-minute',     name: 'Per-minute rate',                  kind: 'pay_per_use',          payer: 'customer', unit: 'minute', price: 0.41},
  {firm: 'drivenow',  id: 'drivenow-minute',   name: 'Per-minute rate',                  kind: 'pay_per_use',          payer: 'customer', unit: 'minute', price: 0.41},
  {firm: 'hertz',     id: 'hertz-daily',       name: 'Daily rental rate',                kind: 'flat_price',           payer: 'customer', unit: 'day',    price: 55.0},
  {firm: 'hertz',     id: 'hertz-loyalty',     name: 'Member rates by loyalty tier',     kind: 'personalised_pricing', payer: 'customer', unit: 'day',    price: 49.0, indicator: 'loyalty'},
  {firm: 'zipcar',    id: 'zipcar-plan',       name: 'Monthly membership',               kind: 'subscription',         payer: 'customer', unit: 'month',  price: 7.0},
  {firm: 'zipcar',    id: 'zipcar-hourly',     name: 'Hourly driving rate',              kind: 'pay_per_use',          payer: 'customer', unit: 'hour',   price: 11.0},
  {firm: 'carshare',  id: 'carshare-hourly-rate', name: 'Hourly rate',                   kind: 'pay_per_use',          payer: 'customer', unit: 'hour',   price: 9.0},
  {firm: 'carscom',   id: 'carscom-dealer-fees', name: 'Dealer subscriptions and leads', kind: 'third_party_pays',     payer: 'actor',    unit: 'month',  price: 1500.0, paidBy: 'dealers'},
  {firm: 'carscom',   id: 'carscom-ads',       name: 'Advertising',                      kind: 'third_party_pays',     payer: 'actor',    unit: 'impression', price: 0.01, paidBy: 'lenders'},
  {firm: 'uber',      id: 'uber-surge',        name: 'Dynamic fares (time and demand)',  kind: 'personalised_pricing', payer: 'customer', unit: 'ride',   price: 18.0, indicator: 'time'},
  {firm: 'uber',      id: 'uber-commission',   name: 'Service fee on driver fares',      kind: 'commission',           payer: 'actor',    unit: 'ride',   price: 4.5,  paidBy: 'uber-drivers'},
  {firm: 'lyft',      id: 'lyft-primetime',    name: 'Prime-time fares',                 kind: 'personalised_pricing', payer: 'customer', unit: 'ride',   price: 17.0, indicator: 'time'},
  {firm: 'lyft',      id: 'lyft-commission',   name: 'Service fee on driver fares',      kind: 'commission',           payer: 'actor',    unit: 'ride',   price: 4.0,  paidBy: 'lyft-drivers'},
  {firm: 'blablacar', id: 'blablacar-fee',     name: 'Booking fee',                      kind: 'commission',           payer: 'customer', unit: 'seat',   price: 3.0},
  {firm: 'chariot',   id: 'chariot-fare',      name: 'Flat fare per ride',               kind: 'flat_price',           payer: 'customer', unit: 'ride',   price: 4.0},
  {firm: 'chariot',   id: 'chariot-employer',  name: 'Employer-paid routes',             kind: 'third_party_pays',     payer: 'actor',    unit: 'month',  price: 6000.0, paidBy: 'employers'}
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
