package org.cstrat.server.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Synthetic customers of a demo market with interaction episodes that run through the 4 Rs.
 * Deterministic: the same touchpoints and seed give the same rows, so every fresh workbench
 * holds the same demo graph and analysts' queries give the same answers.
 *
 * <p>Each customer belongs to a segment that sets how often episodes arise and how much is spent;
 * each episode is Recognize (by the customer, or by the firm through a firm-initiated touchpoint),
 * Request, Respond (with an amount and a satisfaction score 1-5) and, after a good episode, Repeat
 * (feedback through a rating touchpoint, or the customer's next booking).
 */
public final class DemoCustomers {

    public static final long DEFAULT_SEED = 20_190_101L;
    public static final int CUSTOMERS_PER_MARKET = 300;

    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 1, 1);
    private static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2019, 6, 30));
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final List<String> CITIES = List.of("New York", "San Francisco", "Chicago", "Boston", "Seattle", "Austin", "Los Angeles");

    /** A segment: its share of customers, mean episodes per firm, and mean spend per episode in US$. */
    private record Segment(String id, double share, double meanEpisodes, double meanSpend) {
    }

    /** Segments of the mobility market, also used for any market without its own list. */
    private static final List<Segment> SEGMENTS = List.of(
            new Segment("daily_commuter", 0.30, 7.0, 14.0),
            new Segment("urban_occasional", 0.35, 3.0, 22.0),
            new Segment("business_traveller", 0.20, 4.0, 65.0),
            new Segment("weekend_leisure", 0.15, 2.0, 48.0));

    /** Segments per demo market: people with a chronic condition, and people who work out. */
    private static final Map<String, List<Segment>> SEGMENTS_BY_MARKET = Map.of(
            "us-chronic-health", List.of(
                    new Segment("newly_diagnosed", 0.25, 5.0, 35.0),
                    new Segment("stable_self_manager", 0.40, 3.0, 25.0),
                    new Segment("complex_multi_condition", 0.20, 7.0, 80.0),
                    new Segment("caregiver_managed", 0.15, 4.0, 40.0)),
            "us-connected-fitness", List.of(
                    new Segment("home_enthusiast", 0.30, 8.0, 30.0),
                    new Segment("studio_regular", 0.25, 5.0, 32.0),
                    new Segment("casual_mover", 0.30, 2.0, 12.0),
                    new Segment("data_driven_athlete", 0.15, 6.0, 18.0)));

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

    public static Demo generate(String market, List<FirmTouchpoint> touchpoints, long seed) {
        Map<String, List<FirmTouchpoint>> byFirm = touchpoints.stream()
                .collect(Collectors.groupingBy(FirmTouchpoint::firm, TreeMap::new, Collectors.toList()));
        List<String> firms = new ArrayList<>(byFirm.keySet());
        if (firms.isEmpty()) {
            return new Demo(List.of(), List.of());
        }
        SplittableRandom random = new SplittableRandom(seed ^ market.hashCode());
        List<Map<String, Object>> customers = new ArrayList<>();
        List<Map<String, Object>> interactions = new ArrayList<>();
        for (int c = 1; c <= CUSTOMERS_PER_MARKET; c++) {
            String customerId = String.format("%s-c%04d", market, c);
            Segment segment = pickSegment(SEGMENTS_BY_MARKET.getOrDefault(market, SEGMENTS), random.nextDouble());
            LocalDate since = FIRST_DAY.plusDays(random.nextInt(DAYS / 2));
            List<String> chosen = new ArrayList<>(firms);
            Collections.shuffle(chosen, new java.util.Random(random.nextLong()));
            int firmCount = 1 + random.nextInt(Math.min(3, firms.size()));
            List<Map<String, Object>> relations = new ArrayList<>();
            int episode = 0;
            for (String firm : chosen.subList(0, firmCount)) {
                LocalDate firmSince = since.plusDays(random.nextInt(120));
                relations.add(Map.of("firm", firm, "since", firmSince.toString()));
                int episodes = 1 + poisson(random, segment.meanEpisodes() - 1);
                for (int e = 0; e < episodes; e++) {
                    episode++;
                    long remainingDays = ChronoUnit.DAYS.between(firmSince, FIRST_DAY.plusDays(DAYS));
                    LocalDateTime start = firmSince.plusDays(random.nextLong(Math.max(1, remainingDays)))
                            .atTime(6 + random.nextInt(16), random.nextInt(60));
                    addEpisode(interactions, random, customerId, episode, start, segment, byFirm.get(firm));
                }
            }
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", customerId);
            customer.put("segment", segment.id());
            customer.put("city", CITIES.get(random.nextInt(CITIES.size())));
            customer.put("since", since.toString());
            customer.put("firms", relations);
            customers.add(customer);
        }
        return new Demo(customers, interactions);
    }

    private static void addEpisode(List<Map<String, Object>> out, SplittableRandom random, String customerId, int episode,
                                   LocalDateTime start, Segment segment, List<FirmTouchpoint> touchpoints) {
        List<FirmTouchpoint> customerSide = touchpoints.stream().filter(t -> t.initiative().equals("customer")).toList();
        List<FirmTouchpoint> firmSide = touchpoints.stream().filter(t -> !t.initiative().equals("customer")).toList();
        if (customerSide.isEmpty()) {
            customerSide = touchpoints;
        }
        String episodeId = String.format("%s-e%03d", customerId, episode);
        boolean identified = random.nextDouble() < 0.85;

        boolean firmInitiates = !firmSide.isEmpty() && random.nextDouble() < 0.35;
        FirmTouchpoint recognizeAt = firmInitiates ? pick(random, firmSide) : pick(random, customerSide);
        out.add(row(episodeId, "recognize", customerId, recognizeAt, start, firmInitiates ? "firm" : "customer", identified, null, null));

        LocalDateTime requestAt = start.plusMinutes(1 + random.nextInt(30));
        out.add(row(episodeId, "request", customerId, pick(random, customerSide), requestAt, "customer", identified, null, null));

        LocalDateTime respondAt = requestAt.plusMinutes(2 + random.nextInt(45));
        double amount = Math.round(segment.meanSpend() * StrictMath.exp(0.4 * gaussian(random) - 0.08) * 100.0) / 100.0;
        int satisfaction = satisfaction(random, identified);
        out.add(row(episodeId, "respond", customerId, pick(random, customerSide), respondAt, "firm", identified, amount, satisfaction));

        if (satisfaction >= 3 && random.nextDouble() < 0.7) {
            FirmTouchpoint repeatAt = firmSide.isEmpty() ? pick(random, customerSide) : pick(random, firmSide);
            out.add(row(episodeId, "repeat", customerId, repeatAt, respondAt.plusHours(1 + random.nextInt(48)),
                    firmSide.isEmpty() ? "customer" : "firm", identified, null, satisfaction));
        }
    }

    private static Map<String, Object> row(String episodeId, String stage, String customerId, FirmTouchpoint touchpoint,
                                           LocalDateTime at, String initiatedBy, boolean identified,
                                           Double amount, Integer satisfaction) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", episodeId + "-" + stage);
        row.put("customer", customerId);
        row.put("touchpoint", touchpoint.touchpoint());
        row.put("episode", episodeId);
        row.put("stage", stage);
        row.put("at", at.atOffset(ZoneOffset.UTC).format(TIMESTAMP));
        row.put("amount", amount);
        row.put("initiatedBy", initiatedBy);
        row.put("identified", identified);
        row.put("satisfaction", satisfaction);
        return row;
    }

    private static int satisfaction(SplittableRandom random, boolean identified) {
        // Recognised customers get a better-fitting response: shift the score up by about half a point.
        double score = 3.4 + (identified ? 0.5 : 0.0) + 0.9 * gaussian(random);
        return (int) Math.max(1, Math.min(5, Math.round(score)));
    }

    private static Segment pickSegment(List<Segment> segments, double u) {
        double cumulative = 0;
        for (Segment s : segments) {
            cumulative += s.share();
            if (u < cumulative) {
                return s;
            }
        }
        return segments.get(segments.size() - 1);
    }

    private static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Knuth's multiplication method; fine for the small means used here. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    /** Box-Muller, one value per call: plain and deterministic across JVMs. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }
}
