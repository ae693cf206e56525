package org.cstrat.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.cstrat.server.customers.imports.ImportFile;

/**
 * One firm's customer data as exports of several source systems, the second output of the one demo generator
 * ({@link SyntheticPopulation}), deterministic for a seed: people of the population's behaviour types and their
 * episodes through the 4 Rs, written as five systems (CRM, loyalty programme, web shop, app, call centre... see
 * {@code SYSTEMS}) that know overlapping identifiers of the same people in different spellings, one siloed system
 * (in-store kiosks that only know their own device ids) and a few shared family e-mail addresses that over-merge. What
 * this class adds to the population is only that identity noise and the file layout of {@code cstrat import}. Used for
 * the demo firm's import ({@link DemoCustomerData}), the sample files ({@code cypher/samples/northwind}: 200 people,
 * {@link #DEFAULT_SEED}), the tests and {@code cstrat bench import}.
 */
public final class SyntheticCustomerData {

    public static final long DEFAULT_SEED = 20_240_501L;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    /** The lifetime of every type of the exports: Beta(1.2, 6) dropout after each episode, about 31 episodes on average. */
    private static final SyntheticPopulation.Lifetime LIFETIME = new SyntheticPopulation.Lifetime(1.2, 6.0);

    /** A retailer's customers: loyal app users, store regulars and occasional web shoppers, from 2023 for 540 days. */
    static final SyntheticPopulation POPULATION = new SyntheticPopulation(List.of(
            new SyntheticPopulation.BehaviourType("loyal_app", 0.30, 9.0, 35.0, 0.8, 0.6, LIFETIME),
            new SyntheticPopulation.BehaviourType("store_regular", 0.35, 6.0, 60.0, 0.1, 0.3, LIFETIME),
            new SyntheticPopulation.BehaviourType("occasional_web", 0.35, 2.0, 120.0, 0.3, 0.05, LIFETIME)),
            new SyntheticPopulation.Window(LocalDate.of(2023, 1, 1), 540, 180));

    /** A source system: its name, the firm's touchpoint its records act through, and the share of people it knows. */
    private record SystemSpec(String name, String touchpoint, double coverage) {
    }

    private static final List<SystemSpec> SYSTEMS = List.of(
            new SystemSpec("crm", "callcentre", 0.55),
            new SystemSpec("loyalty", "store", 0.6),
            new SystemSpec("webshop", "web", 0.5),
            new SystemSpec("app", "app", 0.45),
            new SystemSpec("kiosk", "kiosk", 0.15));

    private SyntheticCustomerData() {
    }

    /**
     * Generates the files for {@code firm}; touchpoint ids are prefixed with the firm id (they are global).
     *
     * @param people how many distinct people; about 14 interactions per person on average
     */
    public static List<ImportFile> generate(String firm, int people, long seed) {
        if (people < 1) {
            throw new IllegalArgumentException("people: must be at least 1, got " + people);
        }
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder channels = new StringBuilder("channel_id,name,kind\n")
                .append("mobile-app,Mobile app,digital\nweb,Website,digital\nphone,Call centre,voice\nemail,E-mail,digital\n")
                .append("store,Shop floor,physical\n");
        String p = firm + "-";
        StringBuilder touchpoints = new StringBuilder("touchpoint_id,name,channel,initiative,moment_of_truth\n")
                .append(p).append("app,App: browse and order,mobile-app,customer,true\n")
                .append(p).append("web,Web shop,web,customer,false\n")
                .append(p).append("callcentre,Customer service line,phone,customer,true\n")
                .append(p).append("store,Checkout in store,store,customer,true\n")
                .append(p).append("kiosk,In-store kiosk,store,customer,false\n")
                .append(p).append("offers,Personalised offers,email,firm_curated,false\n");
        StringBuilder actors = new StringBuilder("actor_id,name,kind,role\n")
                .append(p).append("carrier,Parcel carrier,organisation,distributor\n")
                .append(p).append("brands,Brand suppliers,organisation,supplier\n");
        StringBuilder customers = new StringBuilder("system,record_id,name,since,email,phone,loyalty_card,device_id,crm_id\n");
        StringBuilder interactions = new StringBuilder(people * 600)
                .append("interaction_id,system,record_id,touchpoint,at,stage,amount,episode,initiated_by,satisfaction,personalised\n");
        int families = Math.max(1, people / 500);
        long[] interactionNo = {0};
        for (int person = 1; person <= people; person++) {
            String email = "person" + person + "@example.com";
            if (person % 50 == 0) {
                // a shared family address: the people using it are merged into one over-merged customer
                email = "family" + (person / 50 % families) + "@example.com";
            }
            String phone = String.format("415%07d", person % 10_000_000);
            String card = String.format("LC%08d", person);
            String device = String.format("dev-%07x", person * 2_654_435_761L & 0xfffffffL);
            String crmId = "C" + (100_000 + person);
            SyntheticPopulation.Person who = POPULATION.person(random);
            SyntheticPopulation.BehaviourType type = who.type();
            List<SystemSpec> present = new ArrayList<>();
            for (SystemSpec s : SYSTEMS) {
                double bias = s.name().equals("app") ? type.channelPreference()
                        : s.name().equals("loyalty") ? 1 - type.channelPreference() : 0.5;
                if (random.nextDouble() < s.coverage() * (0.5 + bias)) {
                    present.add(s);
                }
            }
            if (present.isEmpty()) {
                present.add(SYSTEMS.get(random.nextInt(4)));
            }
            double[] weights = present.stream().mapToDouble(s -> weight(s, type)).toArray();
            List<List<LocalDateTime>> episodes = new ArrayList<>();
            present.forEach(s -> episodes.add(new ArrayList<>()));
            for (SyntheticPopulation.EpisodeStart start : POPULATION.episodeStarts(random, who, weights)) {
                episodes.get(start.place()).add(start.at());
            }
            int episodeNo = 0;
            for (int k = 0; k < present.size(); k++) {
                SystemSpec s = present.get(k);
                String recordId = s.name().substring(0, 2).toUpperCase(Locale.ROOT) + person;
                String e = "";
                String ph = "";
                String lc = "";
                String dv = "";
                String cr = "";
                switch (s.name()) {
                    case "crm" -> {
                        e = random.nextBoolean() ? email.toUpperCase(Locale.ROOT) : email;
                        ph = "+1 (" + phone.substring(0, 3) + ") " + phone.substring(3, 6) + "-" + phone.substring(6);
                        cr = crmId;
                    }
                    case "loyalty" -> {
                        lc = card;
                        ph = random.nextDouble() < 0.7 ? phone.substring(0, 3) + "-" + phone.substring(3, 6) + "-" + phone.substring(6) : "";
                    }
                    case "webshop" -> {
                        e = " " + email + " ";
                        dv = random.nextDouble() < 0.5 ? device : "";
                    }
                    case "app" -> {
                        dv = device;
                        lc = random.nextDouble() < 0.6 ? card.substring(0, 2) + " " + card.substring(2) : "";
                    }
                    default -> dv = "kiosk-" + recordId.toLowerCase(Locale.ROOT);
                }
                customers.append(s.name()).append(',').append(recordId).append(",Person ").append(person).append(',')
                        .append(who.since()).append(',').append(e).append(',').append(ph).append(',').append(lc).append(',')
                        .append(dv).append(',').append(cr).append('\n');
                String own = p + s.touchpoint();
                for (LocalDateTime start : episodes.get(k)) {
                    // a record in a source system is a person the firm knows: every episode there is identified
                    String episode = recordId + "-e" + (++episodeNo);
                    for (SyntheticPopulation.Step step : SyntheticPopulation.episode(random, type, start, true, true)) {
                        row(interactions, "i" + (++interactionNo[0]), s.name(), recordId,
                                step.throughFirmChannel() ? p + "offers" : own, step, episode);
                    }
                }
            }
        }
        return List.of(
                file("channels.csv", channels), file("touchpoints.csv", touchpoints), file("actors.csv", actors),
                file("customers.csv", customers), file("interactions.csv", interactions));
    }

    /** Writes the generated files into {@code dir}. */
    public static void write(List<ImportFile> files, Path dir) {
        try {
            Files.createDirectories(dir);
            for (ImportFile f : files) {
                Files.write(dir.resolve(f.name()), f.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How much of a person's activity happens in a system, by behaviour type. */
    private static double weight(SystemSpec s, SyntheticPopulation.BehaviourType type) {
        return switch (s.name()) {
            case "app" -> 0.4 + type.channelPreference();
            case "loyalty" -> 1.4 - type.channelPreference();
            case "kiosk" -> 0.3;
            default -> 0.5;
        };
    }

    private static void row(StringBuilder out, String id, String system, String record, String touchpoint,
                            SyntheticPopulation.Step step, String episode) {
        out.append(id).append(',').append(system).append(',').append(record).append(',').append(touchpoint).append(',')
                .append(AT.format(step.at().atOffset(ZoneOffset.UTC))).append(',').append(step.stage().id()).append(',')
                .append(step.amount() == null ? "" : String.format(Locale.ROOT, "%.2f", step.amount())).append(',')
                .append(episode).append(',').append(step.initiatedBy().id()).append(',')
                .append(step.satisfaction() == null ? "" : step.satisfaction().toString()).append(',')
                .append(step.personalised()).append('\n');
    }

    private static ImportFile file(String name, StringBuilder content) {
        return new ImportFile(name, content.toString().getBytes(StandardCharsets.UTF_8));
    }
}
