package org.cstrat.server.customers.imports;

import org.cstrat.input.FieldError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.cstrat.server.core.InvalidRequestException;
import org.cstrat.server.customers.identity.IdentifierKind;
import org.cstrat.server.customers.imports.ImportBatch.Actor;
import org.cstrat.server.customers.imports.ImportBatch.Channel;
import org.cstrat.server.customers.imports.ImportBatch.Identifier;
import org.cstrat.server.customers.imports.ImportBatch.Interaction;
import org.cstrat.server.customers.imports.ImportBatch.SourceRecord;
import org.cstrat.server.customers.imports.ImportBatch.Touchpoint;

/**
 * Turns import files into an {@link ImportBatch}, checking everything before anything is written:
 * file kinds, encoding, columns, every value, duplicates within and across files, and references to
 * touchpoints, channels and customer records (in the files or, through {@link ImportLookup}, already in
 * the graph). Any problem rejects the whole import with every error found.
 *
 * <p>The formats are documented in {@code cypher/README.md}, section "Importing customer data".
 */
public final class ImportParser {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int LOCATIONS_PER_REFERENCE = 20;

    public static final Set<String> CHANNEL_KINDS = Set.of("digital", "voice", "physical", "device");
    public static final Set<String> INITIATIVES = Set.of("customer", "firm_curated", "firm_coach", "firm_automatic", "firm_notify");
    public static final Set<String> ACTOR_KINDS = Set.of("organisation", "crowd", "public_body");
    public static final Set<String> ROLES = Set.of("producer", "supplier", "retailer", "distributor", "prescriber",
            "influencer", "advertiser", "partner", "crowd_supplier", "peer", "regulator");
    public static final Set<String> STAGES = Set.of("recognize", "request", "respond", "repeat");

    /** The kinds of file, recognised by the end of the file name ({@code crm-customers.csv} is a customers file). */
    public enum FileKind {
        CHANNELS("channels", List.of("channel_id", "name", "kind"), List.of()),
        TOUCHPOINTS("touchpoints", List.of("touchpoint_id", "name", "channel"), List.of("initiative", "moment_of_truth", "collects_feedback", "standing_authorisation")),
        ACTORS("actors", List.of("actor_id", "name", "kind", "role"), List.of()),
        CUSTOMERS("customers", List.of("system", "record_id"),
                List.of("name", "city", "since", "email", "phone", "loyalty_card", "device_id", "crm_id")),
        INTERACTIONS("interactions", List.of("interaction_id", "system", "record_id", "touchpoint", "at", "stage", "amount"),
                List.of("episode", "initiated_by", "satisfaction", "personalised"));

        final String suffix;
        final List<String> required;
        final List<String> optional;

        FileKind(String name, List<String> required, List<String> optional) {
            this.suffix = name + ".csv";
            this.required = required;
            this.optional = optional;
        }

        public static Optional<FileKind> of(String fileName) {
            String n = fileName.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> n.endsWith(k.suffix)).findFirst();
        }

        public List<String> required() {
            return required;
        }

        public List<String> optional() {
            return optional;
        }
    }

    private final String firm;
    private final ImportLookup lookup;
    private final List<FieldError> errors = new ArrayList<>();

    /** Names already found valid: a million rows repeat a handful of systems and touchpoints. */
    private final Set<String> validSlugs = new HashSet<>();
    private final Set<String> validSystems = new HashSet<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Touchpoint> touchpoints = new LinkedHashMap<>();
    private final Map<String, Actor> actors = new LinkedHashMap<>();
    private final Map<String, SourceRecord> records = new LinkedHashMap<>();
    private final List<Interaction> interactions = new ArrayList<>();
    /** First place each id was defined, to name it in duplicate errors. */
    private final Map<String, String> definedAt = new HashMap<>();
    private final Map<String, List<FieldError>> touchpointRefs = new LinkedHashMap<>();
    private final Map<String, List<FieldError>> channelRefs = new LinkedHashMap<>();
    private final Map<String, List<FieldError>> recordRefs = new LinkedHashMap<>();

    private final int maxFieldLength;

    private ImportParser(String firm, ImportLookup lookup, int maxFieldLength) {
        this.firm = firm;
        this.lookup = lookup;
        this.maxFieldLength = maxFieldLength;
    }

    /**
     * Parses and validates the files for {@code firm}.
     *
     * @throws ImportRejectedException with every error when anything is wrong
     */
    public static ImportBatch parse(String firm, List<ImportFile> files, ImportLookup lookup) {
        return parse(firm, files, lookup, CsvTable.MAX_FIELD_LENGTH_DEFAULT);
    }

    /** As above, with fields up to {@code maxFieldLength} characters ({@link CsvTable#MAX_FIELD_LENGTH_DEFAULT}). */
    public static ImportBatch parse(String firm, List<ImportFile> files, ImportLookup lookup, int maxFieldLength) {
        return new ImportParser(checkFirmId(firm), lookup, maxFieldLength).run(files);
    }

    /** The firm id an import may write to (a new firm's id too); anything else is an {@link InvalidRequestException}. */
    public static String checkFirmId(String firm) {
        if (firm == null || !SLUG.matcher(firm).matches()) {
            throw new InvalidRequestException("firm", "firm id must be a lower-case slug like 'acme-rentals', got '" + firm + "'");
        }
        return firm;
    }

    private ImportBatch run(List<ImportFile> files) {
        if (files.isEmpty()) {
            errors.add(FieldError.at("(no file)", 1, 1, "no file to import"));
        }
        Map<FileKind, List<CsvTable>> tables = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (ImportFile file : files) {
            if (!names.add(file.name())) {
                errors.add(FieldError.at(file.name(), 1, 1, "the same file name is given twice"));
                continue;
            }
            Optional<FileKind> kind = FileKind.of(file.name());
            if (kind.isEmpty()) {
                errors.add(FieldError.at(file.name(), 1, 1, "unknown kind of file: the name must end with one of "
                        + Arrays.stream(FileKind.values()).map(k -> k.suffix).toList()));
                continue;
            }
            CsvTable.parse(file, errors, maxFieldLength).filter(t -> checkHeader(t, kind.get()))
                    .ifPresent(t -> tables.computeIfAbsent(kind.get(), k -> new ArrayList<>()).add(t));
        }
        for (FileKind kind : FileKind.values()) {
            for (CsvTable table : tables.getOrDefault(kind, List.of())) {
                switch (kind) {
                    case CHANNELS -> channels(table);
                    case TOUCHPOINTS -> touchpoints(table);
                    case ACTORS -> actors(table);
                    case CUSTOMERS -> customers(table);
                    case INTERACTIONS -> interactions(table);
                }
            }
        }
        resolveReferences();
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new ImportBatch(firm, List.copyOf(channels.values()), List.copyOf(touchpoints.values()), List.copyOf(actors.values()),
                List.copyOf(records.values()), interactions);
    }

    private boolean checkHeader(CsvTable table, FileKind kind) {
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < table.header().size(); i++) {
            String column = table.header().get(i);
            if (!seen.add(column)) {
                errors.add(FieldError.at(table.file(), 1, i + 1, "column '" + column + "' appears twice"));
                ok = false;
            } else if (!kind.required.contains(column) && !kind.optional.contains(column) && !column.startsWith("x_")) {
                errors.add(FieldError.at(table.file(), 1, i + 1, "unknown column '" + column + "'; expected " + kind.required
                        + (kind.optional.isEmpty() ? "" : " and optionally " + kind.optional) + " (prefix a column with x_ to have it ignored)"));
                ok = false;
            }
        }
        for (String column : kind.required) {
            if (table.column(column).isEmpty()) {
                errors.add(FieldError.at(table.file(), 1, 1, "missing column '" + column + "'"));
                ok = false;
            }
        }
        return ok;
    }

    /** Reads the cells of one row by column name, reporting problems at the cell's position. */
    private final class Cells {
        final CsvTable table;
        CsvTable.Row row;
        private int errorsBefore;

        Cells(CsvTable table) {
            this.table = table;
        }

        /** Moves to {@code next}: {@link #clean()} now tells whether this row added an error. */
        void at(CsvTable.Row next) {
            row = next;
            errorsBefore = errors.size();
        }

        /** No error found in this row so far. */
        boolean clean() {
            return errors.size() == errorsBefore;
        }

        int col(String name) {
            return table.column(name).map(i -> i + 1).orElse(1);
        }

        String raw(String name) {
            return table.column(name).map(i -> row.get(i).strip()).orElse("");
        }

        FieldError error(String column, String message) {
            return FieldError.at(table.file(), row.line(), col(column), message);
        }

        void fail(String column, String message) {
            errors.add(error(column, message));
        }

        String required(String name) {
            String v = raw(name);
            if (v.isEmpty()) {
                fail(name, "'" + name + "' is empty");
            }
            return v;
        }

        String slug(String name) {
            String v = required(name);
            if (!v.isEmpty() && !validSlugs.contains(v) && !valid(SLUG, validSlugs, v)) {
                fail(name, "'" + v + "' is not a valid id: lower-case letters, digits, '.', '_' and '-' only");
            }
            return v;
        }

        String oneOf(String name, Set<String> allowed, String fallback) {
            String v = raw(name).toLowerCase(Locale.ROOT);
            if (v.isEmpty() && fallback != null) {
                return fallback;
            }
            if (!allowed.contains(v)) {
                fail(name, "'" + raw(name) + "' is not one of " + allowed.stream().sorted().toList());
            }
            return v;
        }

        boolean bool(String name) {
            String v = raw(name).toLowerCase(Locale.ROOT);
            return switch (v) {
                case "", "false", "no", "0", "n" -> false;
                case "true", "yes", "1", "y" -> true;
                default -> {
                    fail(name, "'" + raw(name) + "' is not a boolean (true/false)");
                    yield false;
                }
            };
        }

        /** A boolean of a column the file may leave out: null when it does (the graph's value is then kept). */
        Boolean optionalBool(String name) {
            return table.column(name).isPresent() ? bool(name) : null;
        }

        /** Registers a definition; false (and an error) when the key is already defined in this import. */
        boolean define(String kind, String key, String column) {
            String here = table.file() + ":" + row.line();
            String previous = definedAt.putIfAbsent(kind + "|" + key, here);
            if (previous != null) {
                fail(column, "duplicate " + kind + " '" + key + "' (first defined at " + previous + ")");
                return false;
            }
            return true;
        }
    }

    /** Reads every row of {@code table} with {@code read}, through one {@link Cells} moved from row to row. */
    private void eachRow(CsvTable table, Consumer<Cells> read) {
        Cells c = new Cells(table);
        for (CsvTable.Row row : table.rows()) {
            c.at(row);
            read.accept(c);
        }
    }

    private void channels(CsvTable table) {
        eachRow(table, c -> {
            String id = c.slug("channel_id");
            String name = c.required("name");
            String kind = c.oneOf("kind", CHANNEL_KINDS, null);
            boolean defined = c.define("channel", id, "channel_id");
            if (c.clean() && defined) {
                channels.put(id, new Channel(id, name, kind));
            }
        });
    }

    private void touchpoints(CsvTable table) {
        eachRow(table, c -> {
            String id = c.slug("touchpoint_id");
            String name = c.required("name");
            String channel = c.slug("channel");
            String initiative = c.oneOf("initiative", INITIATIVES, "customer");
            boolean moment = c.bool("moment_of_truth");
            Boolean feedback = c.optionalBool("collects_feedback");
            Boolean authorisation = c.optionalBool("standing_authorisation");
            boolean defined = c.define("touchpoint", id, "touchpoint_id");
            if (!channel.isEmpty() && !channels.containsKey(channel)) {
                reference(channelRefs, channel, c.error("channel", "unknown channel '" + channel + "': not in a channels.csv file and not in the graph"));
            }
            if (c.clean() && defined) {
                touchpoints.put(id, new Touchpoint(id, name, channel, initiative, moment, feedback, authorisation));
            }
        });
    }

    private void actors(CsvTable table) {
        eachRow(table, c -> {
            String id = c.slug("actor_id");
            String name = c.required("name");
            String kind = c.oneOf("kind", ACTOR_KINDS, null);
            String role = c.oneOf("role", ROLES, null);
            boolean defined = c.define("actor", id, "actor_id");
            if (c.clean() && defined) {
                actors.put(id, new Actor(id, name, kind, role));
            }
        });
    }

    private void customers(CsvTable table) {
        List<IdentifierKind> kinds = Arrays.stream(IdentifierKind.values()).filter(k -> table.column(k.id()).isPresent()).toList();
        eachRow(table, c -> {
            String system = system(c);
            String recordId = c.required("record_id");
            LocalDate since = null;
            String sinceRaw = c.raw("since");
            if (!sinceRaw.isEmpty()) {
                try {
                    since = LocalDate.parse(sinceRaw);
                } catch (DateTimeException e) {
                    c.fail("since", "'" + sinceRaw + "' is not a date (YYYY-MM-DD)");
                }
            }
            Set<Identifier> identifiers = new LinkedHashSet<>();
            for (IdentifierKind kind : kinds) {
                for (String value : c.raw(kind.id()).split(";")) {
                    if (value.isBlank()) {
                        continue;
                    }
                    Optional<String> normal = kind.normalise(value);
                    if (normal.isEmpty()) {
                        c.fail(kind.id(), "'" + value.strip() + "' is not " + kind.expected());
                    } else {
                        identifiers.add(new Identifier(kind.id(), normal.get()));
                    }
                }
            }
            boolean defined = c.define("customer record", system + "/" + recordId, "record_id");
            if (c.clean() && defined) {
                String id = ImportBatch.recordId(firm, system, recordId);
                records.put(id, new SourceRecord(id, system, recordId, emptyToNull(c.raw("name")), emptyToNull(c.raw("city")),
                        since, List.copyOf(identifiers)));
            }
        });
    }

    private String system(Cells c) {
        String system = c.required("system");
        if (!system.isEmpty() && !validSystems.contains(system) && !valid(SYSTEM, validSystems, system)) {
            c.fail("system", "'" + system + "' is not a valid system name: letters, digits, '.', '_' and '-' only");
        }
        return system;
    }

    private void interactions(CsvTable table) {
        eachRow(table, c -> {
            String interactionId = c.required("interaction_id");
            String system = system(c);
            String recordId = c.required("record_id");
            String touchpoint = c.slug("touchpoint");
            OffsetDateTime at = timestamp(c, "at");
            String stage = c.raw("stage").toLowerCase(Locale.ROOT).replace("recognise", "recognize");
            if (!STAGES.contains(stage)) {
                c.fail("stage", "'" + c.raw("stage") + "' is not a stage of an episode: one of [recognize, request, respond, repeat]");
            }
            Double amount = amount(c);
            String initiatedBy = c.oneOf("initiated_by", Set.of("customer", "firm"), "customer");
            Integer satisfaction = satisfaction(c);
            boolean personalised = c.bool("personalised");
            String episodeRaw = c.raw("episode");
            boolean defined = c.define("interaction", system + "/" + interactionId, "interaction_id");
            String record = ImportBatch.recordId(firm, system, recordId);
            // references are checked on every row, whatever else is wrong with it
            if (!touchpoint.isEmpty() && !touchpoints.containsKey(touchpoint)) {
                reference(touchpointRefs, touchpoint, c.error("touchpoint", "unknown touchpoint '" + touchpoint
                        + "': not in a touchpoints.csv file of this import and not operated by firm '" + firm + "'"));
            }
            if (!system.isEmpty() && !recordId.isEmpty() && !records.containsKey(record)) {
                reference(recordRefs, record, c.error("record_id", "unknown customer record '" + recordId + "' of system '" + system
                        + "': not in a customers.csv file of this import and not imported before for firm '" + firm + "'"));
            }
            if (!c.clean() || !defined) {
                return;
            }
            String id = ImportBatch.interactionId(firm, system, interactionId);
            String episode = episodeRaw.isEmpty() ? id : ImportBatch.interactionId(firm, system, episodeRaw);
            interactions.add(new Interaction(id, record, touchpoint, at, stage, episode, amount, initiatedBy, satisfaction, personalised));
        });
    }

    private static boolean valid(Pattern pattern, Set<String> known, String value) {
        boolean ok = pattern.matcher(value).matches();
        if (ok && known.size() < 10_000) {
            known.add(value);
        }
        return ok;
    }

    private static void reference(Map<String, List<FieldError>> refs, String key, FieldError error) {
        List<FieldError> list = refs.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (list.size() < LOCATIONS_PER_REFERENCE) {
            list.add(error);
        }
    }

    /** Checks the references not defined in the files against the graph. */
    private void resolveReferences() {
        if (!channelRefs.isEmpty()) {
            Set<String> known = lookup.channels();
            channelRefs.forEach((id, where) -> {
                if (!known.contains(id)) {
                    errors.addAll(where);
                }
            });
        }
        if (!touchpointRefs.isEmpty()) {
            Map<String, String> owners = lookup.touchpointOwners(touchpointRefs.keySet());
            touchpointRefs.forEach((id, where) -> {
                if (!firm.equals(owners.get(id))) {
                    errors.addAll(where);
                }
            });
        }
        if (!touchpoints.isEmpty()) {
            Map<String, String> owners = lookup.touchpointOwners(touchpoints.keySet());
            for (Touchpoint t : touchpoints.values()) {
                String owner = owners.get(t.id());
                if (owner != null && !owner.isEmpty() && !owner.equals(firm)) {
                    String at = definedAt.get("touchpoint|" + t.id());
                    int colon = at.lastIndexOf(':');
                    errors.add(FieldError.at(at.substring(0, colon), Integer.parseInt(at.substring(colon + 1)), 1,
                            "touchpoint '" + t.id() + "' already exists and is operated by firm '" + owner + "'; touchpoint ids are global"));
                }
            }
        }
        if (!recordRefs.isEmpty()) {
            Set<String> existing = lookup.existingRecords(recordRefs.keySet());
            recordRefs.forEach((id, where) -> {
                if (!existing.contains(id)) {
                    errors.addAll(where);
                }
            });
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private Double amount(Cells c) {
        String v = c.raw("amount");
        if (v.isEmpty()) {
            return null;
        }
        boolean dot = false;
        boolean digit = false;
        boolean ok = true;
        for (int i = 0; i < v.length() && ok; i++) {
            char ch = v.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digit = true;
            } else if (ch == '.' && !dot) {
                dot = true;
            } else {
                ok = false;
            }
        }
        if (!ok || !digit) {
            c.fail("amount", "'" + v + "' is not an amount: a non-negative number with '.' as decimal point, no currency sign or thousands separator");
            return null;
        }
        return Double.parseDouble(v);
    }

    private Integer satisfaction(Cells c) {
        String v = c.raw("satisfaction");
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '5') {
            return v.charAt(0) - '0';
        }
        c.fail("satisfaction", "'" + v + "' is not a satisfaction score 1-5");
        return null;
    }

    /**
     * {@code YYYY-MM-DD}, {@code YYYY-MM-DDTHH:MM[:SS[.fraction]]} (or a space for the {@code T}), with an
     * optional {@code Z} or {@code ±HH:MM} offset; without one the time is UTC.
     */
    static Optional<OffsetDateTime> parseTimestamp(String v) {
        try {
            int n = v.length();
            if (n < 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
                return Optional.empty();
            }
            int year = digits(v, 0, 4);
            int month = digits(v, 5, 2);
            int day = digits(v, 8, 2);
            if (n == 10) {
                return Optional.of(OffsetDateTime.of(LocalDate.of(year, month, day).atStartOfDay(), ZoneOffset.UTC));
            }
            char sep = v.charAt(10);
            if ((sep != 'T' && sep != ' ') || n < 16 || v.charAt(13) != ':') {
                return Optional.empty();
            }
            int hour = digits(v, 11, 2);
            int minute = digits(v, 14, 2);
            int second = 0;
            int nano = 0;
            int i = 16;
            if (i < n && v.charAt(i) == ':') {
                second = digits(v, i + 1, 2);
                i += 3;
                if (i < n && v.charAt(i) == '.') {
                    int start = ++i;
                    while (i < n && Character.isDigit(v.charAt(i))) {
                        i++;
                    }
                    String frac = v.substring(start, i);
                    if (frac.isEmpty() || frac.length() > 9) {
                        return Optional.empty();
                    }
                    nano = Integer.parseInt((frac + "000000000").substring(0, 9));
                }
            }
            ZoneOffset offset = ZoneOffset.UTC;
            if (i < n) {
                String rest = v.substring(i);
                if (!rest.equals("Z")) {
                    if (!rest.matches("[+-]\\d{2}:\\d{2}")) {
                        return Optional.empty();
                    }
                    offset = ZoneOffset.of(rest);
                }
            }
            return Optional.of(OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nano), offset));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int digits(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char ch = i < v.length() ? v.charAt(i) : 'x';
            if (ch < '0' || ch > '9') {
                throw new NumberFormatException(v);
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private OffsetDateTime timestamp(Cells c, String column) {
        String v = c.raw(column);
        if (v.isEmpty()) {
            c.fail(column, "'" + column + "' is empty");
            return null;
        }
        Optional<OffsetDateTime> t = parseTimestamp(v);
        if (t.isEmpty()) {
            c.fail(column, "'" + v + "' is not a timestamp (YYYY-MM-DDTHH:MM:SSZ, YYYY-MM-DD HH:MM[:SS] in UTC, or YYYY-MM-DD)");
        }
        return t.orElse(null);
    }
}
