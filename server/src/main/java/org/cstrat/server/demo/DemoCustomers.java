package org.cstrat.server.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Synthetic customers of a demo market with interaction episodes that run through the 4 Rs: the first output of the one
 * demo generator ({@link SyntheticPopulation}), the clean single-source view the demo markets show (one customer id, no
 * identity noise). Deterministic: the same touchpoints and seed give the same rows, so every fresh workbench holds the
 * same demo graph and analysts' queries give the same answers.
 *
 * <p>Each customer is a person of the market's population (segments with share, episode rate, spend, channel
 * preference, offer response and lifetime) who is a customer of one to three of the market's firms; their episodes
 * come from the population's process, each with one firm (the firms weighted alike; the market's touchpoints come
 * without their channels, so a segment's channel preference does not show in this view, only in the exports). What this class adds is where each
 * step happens: an offer (a firm-initiated recognize) at one of the firm's own touchpoints (initiative other than
 * {@code customer}), every other step at the customer-side touchpoint the episode goes through; a firm without
 * touchpoints of its own makes no offers. Whether the firm identified the customer in an episode (85 %) and the
 * touchpoints are drawn from a stream of their own, so they do not move the population's draws. The view holds the
 * episodes that reached a response: a recognition the customer did not take up leaves no row here (it does in the
 * source-system exports).
 */
public final class DemoCustomers {

    public static final long DEFAULT_SEED = 20_190_101L;
    public static final int CUSTOMERS_PER_MARKET = 300;
    /** Share of episodes in which the firm knows who the customer is. */
    public static final double IDENTIFIED_SHARE = 0.85;

    private static final SyntheticPopulation.Window WINDOW = new SyntheticPopulation.Window(
            LocalDate.of(2017, 1, 1), (int) ChronoUnit.DAYS.between(LocalDate.of(2017, 1, 1), LocalDate.of(2019, 6, 30)), 455);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final List<String> CITIES = List.of("New York", "San Francisco", "Chicago", "Boston", "Seattle", "Austin", "Los Angeles");

    private static SyntheticPopulation.BehaviourType segment(String id, double share, double episodeRate, double meanSpend,
                                                             double channelPreference, double offerResponse, double alpha, double beta) {
        return new SyntheticPopulation.BehaviourType(id, share, episodeRate, meanSpend, channelPreference, offerResponse,
                new SyntheticPopulation.Lifetime(alpha, beta));
    }

    /** The mobility market's population, also used for any market without its own. */
    static final SyntheticPopulation MOBILITY = new SyntheticPopulation(List.of(
            segment("daily_commuter", 0.30, 14.0, 14.0, 0.8, 0.5, 2.0, 40.0),
            segment("urban_occasional", 0.35, 6.0, 22.0, 0.6, 0.3, 2.0, 20.0),
            segment("business_traveller", 0.20, 8.0, 65.0, 0.7, 0.4, 2.0, 30.0),
            segment("weekend_leisure", 0.15, 5.0, 48.0, 0.4, 0.2, 2.0, 15.0)), WINDOW);

    /** Populations per demo market: people with a chronic condition, and people who work out. */
    static final Map<String, SyntheticPopulation> POPULATIONS = Map.of(
            "us-chronic-health", new SyntheticPopulation(List.of(
                    segment("newly_diagnosed", 0.25, 9.0, 35.0, 0.5, 0.6, 2.0, 25.0),
                    segment("stable_self_manager", 0.40, 6.0, 25.0, 0.7, 0.3, 2.0, 40.0),
                    segment("complex_multi_condition", 0.20, 14.0, 80.0, 0.3, 0.5, 2.0, 40.0),
                    segment("caregiver_managed", 0.15, 8.0, 40.0, 0.4, 0.4, 2.0, 30.0)), WINDOW),
            "us-connected-fitness", new SyntheticPopulation(List.of(
                    segment("home_enthusiast", 0.30, 14.0, 30.0, 0.9, 0.5, 2.0, 40.0),
                    segment("studio_regular", 0.25, 9.0, 32.0, 0.2, 0.4, 2.0, 30.0),
                    segment("casual_mover", 0.30, 5.0, 12.0, 0.5, 0.15, 2.0, 10.0),
                    segment("data_driven_athlete", 0.15, 12.0, 18.0, 0.9, 0.6, 2.0, 40.0)), WINDOW));

    /** One touchpoint of a firm and who initiates the episodes it supports. */
    public record FirmTouchpoint(String firm, String touchpoint, String initiative) {
    }

    /** The generated rows: customers (with their firms) and interactions, each interaction naming its customer and touchpoint. */
    public record Demo(List<Map<String, Object>> customers, List<Map<String, Object>> interactions) {
        public Demo {
            customers = List.copyOf(customers);
            interactions = List.copyOf(interactions);
        }

        /**
         * The parameters of {@code cypher/demo/customers.cypher}: {@code touchpoints}, the ids the interactions go through,
         * and {@code customers}, each with its own {@code interactions} nested and each interaction's touchpoint as an index
         * into {@code touchpoints}; dates and times as temporal values. The statement then finds each customer and touchpoint
         * once instead of once per interaction, and parses no date: the same graph, written in a fraction of the time.
         */
        public Map<String, Object> parameters() {
            List<String> touchpoints = new ArrayList<>();
            Map<String, Integer> touchpointIndex = new LinkedHashMap<>();
            Map<Object, List<Map<String, Object>>> byCustomer = new LinkedHashMap<>();
            for (Map<String, Object> i : interactions) {
                Map<String, Object> row = new LinkedHashMap<>(i);
                row.remove("customer");
                row.put("touchpoint", touchpointIndex.computeIfAbsent((String) row.get("touchpoint"), t -> {
                    touchpoints.add(t);
                    return touchpoints.size() - 1;
                }));
                row.put("at", OffsetDateTime.parse((String) i.get("at"), TIMESTAMP));
                byCustomer.computeIfAbsent(i.get("customer"), c -> new ArrayList<>()).add(row);
            }
            List<Map<String, Object>> rows = new ArrayList<>(customers.size());
            for (Map<String, Object> c : customers) {
                Map<String, Object> row = new LinkedHashMap<>(c);
                row.put("since", LocalDate.parse((String) c.get("since")));
                List<Map<String, Object>> firms = new ArrayList<>();
                for (Object o : (List<?>) c.get("firms")) {
                    Map<?, ?> rel = (Map<?, ?>) o;
                    firms.add(Map.of("firm", rel.get("firm"), "since", LocalDate.parse((String) rel.get("since"))));
                }
                row.put("firms", firms);
                row.put("interactions", byCustomer.getOrDefault(c.get("id"), List.of()));
                rows.add(row);
            }
            return Map.of("touchpoints", touchpoints, "customers", rows);
        }
    }

    private DemoCustomers() {
    }

    /** The population of a demo market: its own, or the mobility market's for a market without one. */
    static SyntheticPopulation population(String market) {
        return POPULATIONS.getOrDefault(market, MOBILITY);
    }

    public static Demo generate(String market, List<FirmTouchpoint> touchpoints, long seed) {
        Map<String, List<FirmTouchpoint>> byFirm = touchpoints.stream()
                .collect(Collectors.groupingBy(FirmTouchpoint::firm, TreeMap::new, Collectors.toList()));
        List<String> firms = new ArrayList<>(byFirm.keySet());
        if (firms.isEmpty()) {
            return new Demo(List.of(), List.of());
        }
        Map<String, Sides> sidesOfFirm = new TreeMap<>();
        byFirm.forEach((firm, own) -> sidesOfFirm.put(firm, Sides.of(own)));
        SyntheticPopulation population = population(market);
        SplittableRandom random = new SplittableRandom(seed ^ market.hashCode());
        // where the steps happen and whether the customer is identified: a stream of its own
        SplittableRandom placement = random.split();
        List<Map<String, Object>> customers = new ArrayList<>();
        List<Map<String, Object>> interactions = new ArrayList<>();
        for (int c = 1; c <= CUSTOMERS_PER_MARKET; c++) {
            String customerId = String.format("%s-c%04d", market, c);
            SyntheticPopulation.Person person = population.person(random);
            List<String> chosen = new ArrayList<>(firms);
            Collections.shuffle(chosen, new java.util.Random(random.nextLong()));
            chosen = chosen.subList(0, 1 + random.nextInt(Math.min(3, firms.size())));
            double[] weights = new double[chosen.size()];
            Arrays.fill(weights, 1.0);
            LocalDate[] firstEpisode = new LocalDate[chosen.size()];
            int episode = 0;
            for (SyntheticPopulation.EpisodeStart start : population.episodeStarts(random, person, weights)) {
                Sides sides = sidesOfFirm.get(chosen.get(start.place()));
                boolean identified = placement.nextDouble() < IDENTIFIED_SHARE;
                List<SyntheticPopulation.Step> steps = SyntheticPopulation.episode(random, person.type(), start.at(), identified,
                        !sides.firmSide().isEmpty());
                if (steps.size() < 3) {
                    continue;
                }
                String episodeId = String.format("%s-e%03d", customerId, ++episode);
                FirmTouchpoint own = pick(placement, sides.customerSide());
                FirmTouchpoint offers = steps.get(0).throughFirmChannel() ? pick(placement, sides.firmSide()) : own;
                for (SyntheticPopulation.Step step : steps) {
                    interactions.add(row(episodeId, customerId, step.throughFirmChannel() ? offers : own, step, identified));
                }
                if (firstEpisode[start.place()] == null) {
                    firstEpisode[start.place()] = start.at().toLocalDate();
                }
            }
            List<Map<String, Object>> relations = new ArrayList<>();
            for (int f = 0; f < chosen.size(); f++) {
                // a customer of the firm since the first episode with it (or since joining, with none yet)
                LocalDate since = firstEpisode[f] == null ? person.since() : firstEpisode[f];
                relations.add(Map.of("firm", chosen.get(f), "since", since.toString()));
            }
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", customerId);
            customer.put("segment", person.type().id());
            customer.put("city", CITIES.get(random.nextInt(CITIES.size())));
            customer.put("since", person.since().toString());
            customer.put("firms", relations);
            customers.add(customer);
        }
        return new Demo(customers, interactions);
    }

    /** A firm's touchpoints by who starts the episodes there; with no customer-side one, all of them serve the customer. */
    private record Sides(List<FirmTouchpoint> customerSide, List<FirmTouchpoint> firmSide) {
        static Sides of(List<FirmTouchpoint> touchpoints) {
            List<FirmTouchpoint> customerSide = touchpoints.stream().filter(t -> t.initiative().equals("customer")).toList();
            List<FirmTouchpoint> firmSide = touchpoints.stream().filter(t -> !t.initiative().equals("customer")).toList();
            return new Sides(customerSide.isEmpty() ? touchpoints : customerSide, firmSide);
        }
    }

    private static Map<String, Object> row(String episodeId, String customerId, FirmTouchpoint touchpoint,
                                           SyntheticPopulation.Step step, boolean identified) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", episodeId + "-" + step.stage().id());
        row.put("customer", customerId);
        row.put("touchpoint", touchpoint.touchpoint());
        row.put("episode", episodeId);
        row.put("stage", step.stage().id());
        row.put("at", step.at().atOffset(ZoneOffset.UTC).format(TIMESTAMP));
        row.put("amount", step.amount());
        row.put("initiatedBy", step.initiatedBy().id());
        row.put("identified", identified);
        row.put("satisfaction", step.satisfaction());
        return row;
    }

    private static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
