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
 * A realistic synthetic export of one firm's customer data, deterministic for a seed: several source
 * systems (CRM, loyalty programme, web shop, app, call centre) that know overlapping identifiers of the
 * same people in different spellings, one siloed system (in-store kiosks that only know their own
 * device ids), a few shared family e-mail addresses that over-merge, and interaction episodes through
 * the 4 Rs whose frequency, spend, channel mix and response to personalised offers depend on a hidden
 * behaviour type. Used for the sample files, the tests and the import benchmark.
 */
public final class SyntheticCustomerData {

    public static final long DEFAULT_SEED = 20_240_501L;
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final int DAYS = 540;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    /** A hidden behaviour type: share of people, episodes per record, mean spend, channel preference, response to offers. */
    private record Type(String id, double share, double episodes, double spend, double appBias, double offerResponse, double lifetimeDays) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("loyal_app", 0.30, 9.0, 35.0, 0.8, 0.6, 420),
            new Type("store_regular", 0.35, 6.0, 60.0, 0.1, 0.3, 300),
            new Type("occasional_web", 0.35, 2.0, 120.0, 0.3, 0.05, 160));

    /** The systems: name, channel of its touchpoints, and the identifier columns it holds. */
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
     * @param people how many distinct people; about 7 interactions per person and record result
     */
    public static List<ImportFile> generate(String firm, int people, long seed) {
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
        long interactionNo = 0;
        for (int person = 1; person <= people; person++) {
            Type type = pickType(random.nextDouble());
            String email = "person" + person + "@example.com";
            if (person % 50 == 0) {
                // a shared family address: the people using it are merged into one over-merged customer
                email = "family" + (person / 50 % families) + "@example.com";
            }
            String phone = String.format("415%07d", person % 10_000_000);
            String card = String.format("LC%08d", person);
            String device = String.format("dev-%07x", person * 2_654_435_761L & 0xfffffffL);
            String crmId = "C" + (100_000 + person);
            LocalDate since = FIRST_DAY.plusDays(random.nextInt(DAYS / 3));
            List<SystemSpec> present = new ArrayList<>();
            for (SystemSpec s : SYSTEMS) {
                double bias = s.name().equals("app") ? type.appBias() : s.name().equals("loyalty") ? 1 - type.appBias() : 0.5;
                if (random.nextDouble() < s.coverage() * (0.5 + bias)) {
                    present.add(s);
                }
            }
            if (present.isEmpty()) {
                present.add(SYSTEMS.get(random.nextInt(4)));
            }
            // Episodes of the person over time as a BG/NBD process (Fader, Hardie & Lee 2005): a rate per
            // person from a gamma distribution, a dropout probability after each episode from a beta
            // distribution; each episode happens in one of the person's systems.
            double rate = gamma(random, 2.0) / 2.0 * type.episodes() * present.size() / 360.0;
            double dropout = beta(random, 1.2, 6.0);
            java.util.Map<String, List<LocalDateTime>> episodes = new java.util.HashMap<>();
            double day = 0;
            double horizon = DAYS - since.toEpochDay() + FIRST_DAY.toEpochDay();
            while (true) {
                day += -Math.log(1 - random.nextDouble()) / rate;
                if (day >= horizon) {
                    break;
                }
                double total = 0;
                for (SystemSpec s : present) {
                    total += weight(s, type);
                }
                double u = random.nextDouble() * total;
                SystemSpec chosen = present.get(present.size() - 1);
                for (SystemSpec s : present) {
                    u -= weight(s, type);
                    if (u < 0) {
                        chosen = s;
                        break;
                    }
                }
                episodes.computeIfAbsent(chosen.name(), k -> new ArrayList<>())
                        .add(since.atStartOfDay().plusMinutes((long) (day * 1440)).withHour(8 + random.nextInt(12)));
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            int episodeNo = 0;
            for (SystemSpec s : present) {
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
                        .append(since).append(',').append(e).append(',').append(ph).append(',').append(lc).append(',')
                        .append(dv).append(',').append(cr).append('\n');
                for (LocalDateTime start : episodes.getOrDefault(s.name(), List.of())) {
                    String episode = recordId + "-e" + (++episodeNo);
                    boolean offer = random.nextDouble() < 0.25;
                    String tp = p + s.touchpoint();
                    interactionNo++;
                    if (offer) {
                        row(interactions, "i" + interactionNo, s.name(), recordId, p + "offers", start, "recognize", "", episode, "firm", "", true);
                    } else {
                        row(interactions, "i" + interactionNo, s.name(), recordId, tp, start, "recognize", "", episode, "customer", "", false);
                    }
                    boolean buys = offer ? random.nextDouble() < type.offerResponse() : random.nextDouble() < 0.75;
                    if (!buys) {
                        continue;
                    }
                    interactionNo++;
                    LocalDateTime request = start.plusMinutes(2 + random.nextInt(30));
                    row(interactions, "i" + interactionNo, s.name(), recordId, tp, request, "request", "", episode, "customer", "", offer);
                    interactionNo++;
                    double amount = Math.round(type.spend() * Math.exp(0.35 * gaussian(random) - 0.06) * 100.0) / 100.0;
                    int satisfaction = (int) Math.max(1, Math.min(5, Math.round(3.8 + 0.9 * gaussian(random))));
                    row(interactions, "i" + interactionNo, s.name(), recordId, tp, request.plusMinutes(1 + random.nextInt(20)),
                            "respond", String.format(Locale.ROOT, "%.2f", amount), episode, "firm", Integer.toString(satisfaction), offer);
                    if (satisfaction >= 4 && random.nextDouble() < 0.4) {
                        interactionNo++;
                        row(interactions, "i" + interactionNo, s.name(), recordId, tp, request.plusHours(2 + random.nextInt(40)),
                                "repeat", "", episode, "customer", Integer.toString(satisfaction), false);
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
    private static double weight(SystemSpec s, Type type) {
        return switch (s.name()) {
            case "app" -> 0.4 + type.appBias();
            case "loyalty" -> 1.4 - type.appBias();
            case "kiosk" -> 0.3;
            default -> 0.5;
        };
    }

    private static void row(StringBuilder out, String id, String system, String record, String touchpoint, LocalDateTime at, String stage,
                            String amount, String episode, String initiatedBy, String satisfaction, boolean personalised) {
        out.append(id).append(',').append(system).append(',').append(record).append(',').append(touchpoint).append(',')
                .append(AT.format(at.atOffset(ZoneOffset.UTC))).append(',').append(stage).append(',').append(amount).append(',')
                .append(episode).append(',').append(initiatedBy).append(',').append(satisfaction).append(',')
                .append(personalised).append('\n');
    }

    private static ImportFile file(String name, StringBuilder content) {
        return new ImportFile(name, content.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Type pickType(double u) {
        double c = 0;
        for (Type t : TYPES) {
            c += t.share();
            if (u < c) {
                return t;
            }
        }
        return TYPES.get(TYPES.size() - 1);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), shape >= 1. */
    private static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
