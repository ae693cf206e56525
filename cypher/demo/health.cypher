// Demo market 2: connected health for chronic disease in the US, as described around 2019
// (Connected Strategy, ch. 1-4 and 9; company reports). Loaded on first start when the database holds
// no Market. Idempotent (MERGE on ids). Placements are inferred from the evidence below
// (org.cstrat.server.placement.PlacementRules); only Proteus declares one, which the evidence contradicts.

MERGE (m:Market {id: 'us-chronic-health'})
SET m.name = 'Connected health for chronic disease',
    m.region = 'United States',
    m.asOf = 2019,
    m.description = 'Keeping people with diabetes, asthma, COPD and heart disease healthy between visits: connected devices, coaching, virtual care and automatic refills.';

UNWIND [
  {id: 'omada',    name: 'Omada Health', parentId: 'omada-inc', parent: 'Omada Health Inc.',
   founded: 2011, status: 'active', type: 'new_entrant',
   description: 'Digital programme for pre-diabetes and type 2 diabetes: a cellular scale, lessons and a personal health coach.',
   source: 'Omada ships a cellular scale to each participant and assigns a human coach who nudges weekly; employers and health plans pay partly on participants\' weight loss.'},
  {id: 'livongo',  name: 'Livongo', parentId: 'livongo-inc', parent: 'Livongo Health',
   founded: 2014, status: 'active', type: 'new_entrant',
   description: 'Connected blood-glucose meter with real-time coaching and unlimited test strips shipped before they run out.',
   source: 'Livongo\'s cellular meter sends each reading to the firm, which texts advice and coaching and automatically ships strips when the meter counts the supply running low; employers pay per member per month.'},
  {id: 'propeller', name: 'Propeller Health', parentId: 'propeller-inc', parent: 'Propeller Health',
   founded: 2010, status: 'active', type: 'new_entrant',
   description: 'Sensors on asthma and COPD inhalers that track use and warn about worsening control.',
   source: 'Propeller clips a sensor onto the patient\'s inhaler, learns when and where it is used and nudges patients towards controller adherence; health systems and pharma partners pay.'},
  {id: 'medtronic', name: 'Medtronic MiniMed', parentId: 'medtronic-plc', parent: 'Medtronic plc',
   founded: 1949, status: 'active', type: 'incumbent',
   description: 'Hybrid closed-loop insulin pump (MiniMed 670G) that doses basal insulin from a continuous glucose sensor.',
   source: 'Medtronic\'s MiniMed 670G, approved by the FDA in 2016, reads a continuous glucose sensor and adjusts basal insulin automatically once the patient switches on Auto Mode.'},
  {id: 'teladoc',  name: 'Teladoc', parentId: 'teladoc-inc', parent: 'Teladoc Health',
   founded: 2002, status: 'active', type: 'new_entrant',
   description: 'Virtual visits with a network of independent licensed physicians, on demand by phone or video.',
   source: 'Teladoc connects members who request a visit with one of thousands of independent physicians it contracts and pays per consult; employers and health plans pay a monthly access fee.'},
  {id: 'zocdoc',   name: 'Zocdoc', parentId: 'zocdoc-inc', parent: 'Zocdoc Inc.',
   founded: 2007, status: 'active', type: 'new_entrant',
   description: 'Marketplace where patients find and book doctors; doctors pay to be listed and booked.',
   source: 'Zocdoc lets patients search doctors by insurance and availability and book online; the doctors pay Zocdoc fees, patients use it free.'},
  {id: 'patientslikeme', name: 'PatientsLikeMe', parentId: 'unitedhealth', parent: 'UnitedHealth Group',
   founded: 2004, status: 'active', type: 'new_entrant',
   description: 'A network where patients with the same condition share outcomes, treatments and advice with each other.',
   source: 'PatientsLikeMe matches members with patients like them who report their own treatments and outcomes; pharma partners pay for de-identified research data (UnitedHealth bought it in 2019).'},
  {id: 'cvs-readyfill', name: 'CVS ReadyFill', parentId: 'cvs-health', parent: 'CVS Health',
   founded: 2009, status: 'active', type: 'incumbent',
   description: 'Automatic prescription refills: the pharmacy refills maintenance drugs when they are due and texts when ready.',
   source: 'CVS ReadyFill enrols a patient\'s maintenance prescriptions once and then refills them automatically when the days\' supply runs out, with a text when the order is ready.'},
  {id: 'proteus',  name: 'Proteus Digital Health', parentId: 'proteus-inc', parent: 'Proteus Digital Health',
   founded: 2001, status: 'failed', type: 'new_entrant',
   description: 'Pills with an ingestible sensor and a wearable patch to confirm medication was taken; bankrupt in 2020.',
   source: 'Proteus\' ingestible sensor told a patch and app when a pill was swallowed, and the first FDA-approved digital pill (Abilify MyCite, 2017) followed; it raised about $500 m and filed for bankruptcy in 2020.'}
] AS f
MATCH (m:Market {id: 'us-chronic-health'})
MERGE (c:Company {id: f.parentId})
SET c.name = f.parent
MERGE (firm:Firm {id: f.id})
SET firm.name = f.name, firm.description = f.description, firm.founded = f.founded,
    firm.status = f.status, firm.type = f.type, firm.source = f.source
MERGE (firm)-[:COMPETES_IN]->(m)
MERGE (firm)-[:OWNED_BY]->(c);

UNWIND [
  {firm: 'omada',          id: 'omada-program',      name: 'Diabetes prevention programme'},
  {firm: 'livongo',        id: 'livongo-coaching',   name: 'Diabetes coaching'},
  {firm: 'livongo',        id: 'livongo-strips',     name: 'Unlimited test strips'},
  {firm: 'propeller',      id: 'propeller-platform', name: 'Connected inhaler programme'},
  {firm: 'medtronic',      id: 'minimed-670g',       name: 'MiniMed 670G in Auto Mode'},
  {firm: 'teladoc',        id: 'teladoc-visits',     name: 'Virtual visits'},
  {firm: 'zocdoc',         id: 'zocdoc-booking',     name: 'Find and book a doctor'},
  {firm: 'patientslikeme', id: 'plm-community',      name: 'Condition communities'},
  {firm: 'cvs-readyfill',  id: 'cvs-readyfill-refills', name: 'Automatic refills'},
  {firm: 'proteus',        id: 'proteus-discover',   name: 'Proteus Discover digital medicine'}
] AS o
MATCH (f:Firm {id: o.firm})
MERGE (off:Offering {id: o.id})
SET off.name = o.name
MERGE (f)-[:OFFERS]->(off);

// Proteus presented its digital pill as automatic execution; the evidence shows reminders, not a
// standing authorisation to act: the matrix shows the declared cell and the conflict.
MATCH (off:Offering {id: 'proteus-discover'})
MATCH (e:Experience {id: 'automatic_execution'})
MATCH (a:Architecture {id: 'connected_producer'})
MERGE (off)-[:DECLARED_EXPERIENCE]->(e)
MERGE (off)-[:DECLARED_ARCHITECTURE]->(a);

UNWIND [
  {firm: 'omada',          id: 'employers-health-plans', name: 'Employers and health plans',        kind: 'organisation', role: 'partner'},
  {firm: 'omada',          id: 'cdc',                    name: 'CDC Diabetes Prevention Program',   kind: 'public_body',  role: 'regulator'},
  {firm: 'livongo',        id: 'employers-health-plans', name: 'Employers and health plans',        kind: 'organisation', role: 'partner'},
  {firm: 'livongo',        id: 'cdes',                   name: 'Certified diabetes educators',      kind: 'organisation', role: 'partner'},
  {firm: 'propeller',      id: 'health-systems',         name: 'Health systems',                    kind: 'organisation', role: 'prescriber'},
  {firm: 'propeller',      id: 'pharma',                 name: 'Pharmaceutical companies',          kind: 'organisation', role: 'partner'},
  {firm: 'medtronic',      id: 'endocrinologists',       name: 'Endocrinologists',                  kind: 'organisation', role: 'prescriber'},
  {firm: 'medtronic',      id: 'insurers',               name: 'Insurance partners',                kind: 'organisation', role: 'partner'},
  {firm: 'medtronic',      id: 'fda',                    name: 'US Food and Drug Administration',   kind: 'public_body',  role: 'regulator'},
  {firm: 'teladoc',        id: 'teladoc-physicians',     name: 'Independent licensed physicians',   kind: 'crowd',        role: 'crowd_supplier'},
  {firm: 'teladoc',        id: 'employers-health-plans', name: 'Employers and health plans',        kind: 'organisation', role: 'partner'},
  {firm: 'zocdoc',         id: 'doctors',                name: 'Doctors\' practices',               kind: 'organisation', role: 'partner'},
  {firm: 'zocdoc',         id: 'insurers',               name: 'Insurance partners',                kind: 'organisation', role: 'partner'},
  {firm: 'patientslikeme', id: 'plm-members',            name: 'Patient members sharing their data', kind: 'crowd',       role: 'peer'},
  {firm: 'patientslikeme', id: 'pharma',                 name: 'Pharmaceutical companies',          kind: 'organisation', role: 'advertiser'},
  {firm: 'cvs-readyfill',  id: 'drug-makers',            name: 'Drug manufacturers and wholesalers', kind: 'organisation', role: 'producer'},
  {firm: 'cvs-readyfill',  id: 'prescribers',            name: 'Prescribing physicians',            kind: 'organisation', role: 'prescriber'},
  {firm: 'cvs-readyfill',  id: 'insurers',               name: 'Insurance partners',                kind: 'organisation', role: 'partner'},
  {firm: 'proteus',        id: 'otsuka',                 name: 'Otsuka Pharmaceutical',             kind: 'organisation', role: 'partner'},
  {firm: 'proteus',        id: 'health-systems',         name: 'Health systems',                    kind: 'organisation', role: 'prescriber'},
  {firm: 'proteus',        id: 'fda',                    name: 'US Food and Drug Administration',   kind: 'public_body',  role: 'regulator'}
] AS a
MATCH (f:Firm {id: a.firm})
MERGE (actor:Actor {id: a.id})
SET actor.name = a.name, actor.kind = a.kind
MERGE (f)-[r:HAS_ACTOR]->(actor)
SET r.role = a.role;

UNWIND [
  {firm: 'omada',          actor: 'employers-health-plans', direction: 'actor_pays_firm', what: 'fees per participant, tied to weight loss'},
  {firm: 'livongo',        actor: 'employers-health-plans', direction: 'actor_pays_firm', what: 'per member per month'},
  {firm: 'livongo',        actor: 'cdes',                   direction: 'firm_pays_actor', what: 'coaching sessions'},
  {firm: 'propeller',      actor: 'health-systems',         direction: 'actor_pays_firm', what: 'programme licences'},
  {firm: 'propeller',      actor: 'pharma',                 direction: 'actor_pays_firm', what: 'adherence partnerships'},
  {firm: 'medtronic',      actor: 'insurers',               direction: 'actor_pays_firm', what: 'device and sensor reimbursement'},
  {firm: 'teladoc',        actor: 'employers-health-plans', direction: 'actor_pays_firm', what: 'monthly access fees'},
  {firm: 'teladoc',        actor: 'teladoc-physicians',     direction: 'firm_pays_actor', what: 'fee per consult'},
  {firm: 'zocdoc',         actor: 'doctors',                direction: 'actor_pays_firm', what: 'listing and booking fees'},
  {firm: 'patientslikeme', actor: 'pharma',                 direction: 'actor_pays_firm', what: 'de-identified research data'},
  {firm: 'cvs-readyfill',  actor: 'drug-makers',            direction: 'firm_pays_actor', what: 'drug purchases'},
  {firm: 'cvs-readyfill',  actor: 'insurers',               direction: 'actor_pays_firm', what: 'prescription reimbursement'},
  {firm: 'proteus',        actor: 'otsuka',                 direction: 'actor_pays_firm', what: 'development partnership'}
] AS p
MATCH (f:Firm {id: p.firm})
MATCH (a:Actor {id: p.actor})
FOREACH (_ IN CASE WHEN p.direction = 'actor_pays_firm' THEN [1] ELSE [] END |
  MERGE (a)-[r:PAYS]->(f) SET r.what = p.what)
FOREACH (_ IN CASE WHEN p.direction = 'firm_pays_actor' THEN [1] ELSE [] END |
  MERGE (f)-[r:PAYS]->(a) SET r.what = p.what);

UNWIND [
  {offering: 'omada-program', supplier: 'omada'}, {offering: 'livongo-coaching', supplier: 'livongo'},
  {offering: 'livongo-strips', supplier: 'livongo'}, {offering: 'propeller-platform', supplier: 'propeller'},
  {offering: 'minimed-670g', supplier: 'medtronic'}, {offering: 'proteus-discover', supplier: 'proteus'}
] AS s
MATCH (o:Offering {id: s.offering})
MATCH (f:Firm {id: s.supplier})
MERGE (o)-[:SUPPLIED_BY]->(f);

UNWIND [
  {offering: 'teladoc-visits', supplier: 'teladoc-physicians'}, {offering: 'zocdoc-booking', supplier: 'doctors'},
  {offering: 'plm-community', supplier: 'plm-members'}, {offering: 'cvs-readyfill-refills', supplier: 'drug-makers'}
] AS s
MATCH (o:Offering {id: s.offering})
MATCH (a:Actor {id: s.supplier})
MERGE (o)-[:SUPPLIED_BY]->(a);

UNWIND [
  {id: 'mobile-app', name: 'Mobile app',        kind: 'digital'},
  {id: 'web',        name: 'Website',           kind: 'digital'},
  {id: 'phone',      name: 'Call centre',       kind: 'voice'},
  {id: 'sms',        name: 'Text message',      kind: 'digital'},
  {id: 'email',      name: 'E-mail',            kind: 'digital'},
  {id: 'video',      name: 'Video call',        kind: 'digital'},
  {id: 'med-device', name: 'Connected medical device', kind: 'device'},
  {id: 'pharmacy',   name: 'Pharmacy counter',  kind: 'physical'},
  {id: 'mail',       name: 'Home delivery',     kind: 'physical'}
] AS c
MERGE (ch:Channel {id: c.id})
SET ch.name = c.name, ch.kind = c.kind;

// initiative: customer | firm_curated | firm_coach | firm_automatic | firm_notify;
// feedback: the touchpoint collects the patient's feedback; standing: it acts under a standing authorisation.
UNWIND [
  {firm: 'omada',          id: 'omada-app',          name: 'Omada app: lessons and logging',     channel: 'mobile-app', initiative: 'customer',       moment: false},
  {firm: 'omada',          id: 'omada-scale',        name: 'Cellular scale weigh-in',            channel: 'med-device', initiative: 'customer',       moment: true},
  {firm: 'omada',          id: 'omada-coach',        name: 'Coach check-ins on weight trend',    channel: 'mobile-app', initiative: 'firm_coach',     moment: true, feedback: true},
  {firm: 'livongo',        id: 'livongo-meter',      name: 'Livongo meter: check blood sugar',   channel: 'med-device', initiative: 'customer',       moment: true},
  {firm: 'livongo',        id: 'livongo-alerts',     name: 'Out-of-range reading: coach call',   channel: 'phone',      initiative: 'firm_coach',     moment: true, feedback: true, supports: 'livongo-coaching'},
  {firm: 'livongo',        id: 'livongo-nudges',     name: 'Personalised tips after readings',   channel: 'med-device', initiative: 'firm_coach',     moment: false, supports: 'livongo-coaching'},
  {firm: 'livongo',        id: 'livongo-autoship',   name: 'Strips shipped before they run out', channel: 'mail',       initiative: 'firm_automatic', moment: false, standing: true, supports: 'livongo-strips'},
  {firm: 'propeller',      id: 'propeller-app',      name: 'Propeller app: inhaler use log',     channel: 'mobile-app', initiative: 'customer',       moment: false},
  {firm: 'propeller',      id: 'propeller-nudge',    name: 'Missed-dose and air-quality nudges', channel: 'mobile-app', initiative: 'firm_coach',     moment: true, feedback: true},
  {firm: 'medtronic',      id: 'minimed-pump',       name: 'Pump in Auto Mode',                  channel: 'med-device', initiative: 'firm_automatic', moment: true, standing: true},
  {firm: 'medtronic',      id: 'minimed-alerts',     name: 'Sensor alerts: calibrate, low glucose', channel: 'med-device', initiative: 'firm_notify', moment: false},
  {firm: 'medtronic',      id: 'carelink',           name: 'CareLink reports and supply orders', channel: 'web',        initiative: 'customer',       moment: false, feedback: true},
  {firm: 'teladoc',        id: 'teladoc-request',    name: 'Request a visit',                    channel: 'mobile-app', initiative: 'customer',       moment: true},
  {firm: 'teladoc',        id: 'teladoc-visit',      name: 'Video or phone visit',               channel: 'video',      initiative: 'customer',       moment: true},
  {firm: 'teladoc',        id: 'teladoc-survey',     name: 'Post-visit survey',                  channel: 'email',      initiative: 'firm_notify',    moment: false, feedback: true},
  {firm: 'zocdoc',         id: 'zocdoc-search',      name: 'Search doctors by insurance and time', channel: 'web',      initiative: 'customer',       moment: true},
  {firm: 'zocdoc',         id: 'zocdoc-app',         name: 'Zocdoc app: book',                   channel: 'mobile-app', initiative: 'customer',       moment: false},
  {firm: 'zocdoc',         id: 'zocdoc-reminders',   name: 'Appointment and check-up reminders', channel: 'email',      initiative: 'firm_notify',    moment: false},
  {firm: 'zocdoc',         id: 'zocdoc-reviews',     name: 'Verified patient reviews',           channel: 'web',        initiative: 'firm_notify',    moment: false, feedback: true},
  {firm: 'patientslikeme', id: 'plm-forum',          name: 'Condition forums',                   channel: 'web',        initiative: 'customer',       moment: false},
  {firm: 'patientslikeme', id: 'plm-matches',        name: 'Patients like you',                  channel: 'web',        initiative: 'firm_curated',   moment: true},
  {firm: 'patientslikeme', id: 'plm-tracker',        name: 'Symptom and treatment tracker',      channel: 'mobile-app', initiative: 'customer',       moment: false, feedback: true},
  {firm: 'cvs-readyfill',  id: 'cvs-enrol',          name: 'Enrol prescriptions in ReadyFill',   channel: 'pharmacy',   initiative: 'customer',       moment: true},
  {firm: 'cvs-readyfill',  id: 'cvs-autorefill',     name: 'Refill when the supply runs out',    channel: 'pharmacy',   initiative: 'firm_automatic', moment: true, standing: true},
  {firm: 'cvs-readyfill',  id: 'cvs-ready-text',     name: 'Your prescription is ready',         channel: 'sms',        initiative: 'firm_notify',    moment: false},
  {firm: 'proteus',        id: 'proteus-patch',      name: 'Wearable patch records ingestion',   channel: 'med-device', initiative: 'customer',       moment: true},
  {firm: 'proteus',        id: 'proteus-reminders',  name: 'Adherence reminders and reports',    channel: 'mobile-app', initiative: 'firm_coach',     moment: false}
] AS t
MATCH (f:Firm {id: t.firm})
MATCH (ch:Channel {id: t.channel})
MERGE (tp:Touchpoint {id: t.id})
SET tp.name = t.name, tp.initiative = t.initiative, tp.momentOfTruth = t.moment,
    tp.collectsFeedback = coalesce(t.feedback, false), tp.standingAuthorisation = coalesce(t.standing, false)
MERGE (f)-[:OPERATES]->(tp)
MERGE (tp)-[:VIA]->(ch)
WITH tp, t
WHERE t.supports IS NOT NULL
MATCH (o:Offering {id: t.supports})
MERGE (tp)-[:SUPPORTS]->(o);

UNWIND [
  {id: 'cellular-scale',      name: 'Cellular connected scale',                star: 'sense'},
  {id: 'bg-meter',            name: 'Connected blood-glucose meter',           star: 'sense'},
  {id: 'inhaler-sensor',      name: 'Inhaler sensor',                          star: 'sense'},
  {id: 'cgm',                 name: 'Continuous glucose monitor',              star: 'sense'},
  {id: 'ingestible-sensor',   name: 'Ingestible sensor and wearable patch',    star: 'sense'},
  {id: 'days-supply',         name: 'Days-supply tracking of dispensed drugs', star: 'sense'},
  {id: 'cellular',            name: 'Cellular data link',                      star: 'transmit'},
  {id: 'mobile-app-sdk',      name: 'Mobile app platform',                     star: 'transmit'},
  {id: 'bluetooth',           name: 'Bluetooth Low Energy link',               star: 'transmit'},
  {id: 'video-platform',      name: 'Video visit platform',                    star: 'transmit'},
  {id: 'coaching-analytics',  name: 'Coaching analytics and risk scores',      star: 'analyze'},
  {id: 'closed-loop',         name: 'Closed-loop insulin dosing algorithm',    star: 'analyze'},
  {id: 'provider-matching',   name: 'Provider search and matching',            star: 'analyze'},
  {id: 'patient-matching',    name: 'Patients-like-me matching',               star: 'analyze'},
  {id: 'insulin-pump',        name: 'Insulin pump actuation',                  star: 'react'},
  {id: 'auto-fulfilment',     name: 'Automatic supply fulfilment',             star: 'react'},
  {id: 'push-notifications',  name: 'Push notifications',                      star: 'react'}
] AS t
MATCH (s:StarStage {id: t.star})
MERGE (tech:Technology {id: t.id})
SET tech.name = t.name, tech.star = t.star
MERGE (tech)-[:AT_STAGE]->(s);

UNWIND [
  {firm: 'omada',          tech: ['cellular-scale', 'cellular', 'mobile-app-sdk', 'coaching-analytics', 'push-notifications']},
  {firm: 'livongo',        tech: ['bg-meter', 'cellular', 'coaching-analytics', 'auto-fulfilment', 'push-notifications']},
  {firm: 'propeller',      tech: ['inhaler-sensor', 'bluetooth', 'mobile-app-sdk', 'coaching-analytics', 'push-notifications']},
  {firm: 'medtronic',      tech: ['cgm', 'bluetooth', 'closed-loop', 'insulin-pump']},
  {firm: 'teladoc',        tech: ['mobile-app-sdk', 'video-platform', 'provider-matching']},
  {firm: 'zocdoc',         tech: ['mobile-app-sdk', 'provider-matching', 'push-notifications']},
  {firm: 'patientslikeme', tech: ['mobile-app-sdk', 'patient-matching']},
  {firm: 'cvs-readyfill',  tech: ['days-supply', 'mobile-app-sdk', 'auto-fulfilment', 'push-notifications']},
  {firm: 'proteus',        tech: ['ingestible-sensor', 'bluetooth', 'mobile-app-sdk', 'push-notifications']}
] AS u
MATCH (f:Firm {id: u.firm})
UNWIND u.tech AS techId
MATCH (tech:Technology {id: techId})
MERGE (f)-[:USES]->(tech);

UNWIND [
  {firm: 'omada',          id: 'omada-outcomes',    name: 'Fees tied to participants\' weight loss', kind: 'outcome_sharing',  payer: 'actor',    unit: 'participant', price: 500.0, paidBy: 'employers-health-plans'},
  {firm: 'livongo',        id: 'livongo-pmpm',      name: 'Per member per month',              kind: 'subscription',     payer: 'actor',    unit: 'member-month', price: 68.0, paidBy: 'employers-health-plans'},
  {firm: 'propeller',      id: 'propeller-licence', name: 'Programme licence',                 kind: 'third_party_pays', payer: 'actor',    unit: 'patient-year', price: 120.0, paidBy: 'health-systems'},
  {firm: 'medtronic',      id: 'minimed-device',    name: 'Pump purchase',                     kind: 'flat_price',       payer: 'customer', unit: 'pump',  price: 7000.0},
  {firm: 'medtronic',      id: 'minimed-sensors',   name: 'Sensor subscription',               kind: 'subscription',     payer: 'customer', unit: 'month', price: 350.0},
  {firm: 'teladoc',        id: 'teladoc-access',    name: 'Access fee per member',             kind: 'subscription',     payer: 'actor',    unit: 'member-month', price: 1.5, paidBy: 'employers-health-plans'},
  {firm: 'teladoc',        id: 'teladoc-visit-fee', name: 'Visit fee',                         kind: 'pay_per_use',      payer: 'customer', unit: 'visit', price: 49.0},
  {firm: 'zocdoc',         id: 'zocdoc-doctor-fee', name: 'Booking fee per new patient',       kind: 'commission',       payer: 'actor',    unit: 'booking', price: 35.0, paidBy: 'doctors'},
  {firm: 'patientslikeme', id: 'plm-data',          name: 'Research data for pharma',          kind: 'third_party_pays', payer: 'actor',    unit: 'study', price: 250000.0, paidBy: 'pharma'},
  {firm: 'cvs-readyfill',  id: 'cvs-copay',         name: 'Prescription price and co-pay',     kind: 'flat_price',       payer: 'customer', unit: 'prescription', price: 15.0},
  {firm: 'proteus',        id: 'proteus-outcomes',  name: 'Paid only if adherence improves',   kind: 'outcome_sharing',  payer: 'actor',    unit: 'patient-month', price: 200.0, paidBy: 'health-systems'}
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
