package org.cstrat.server.customers.imports;

import org.cstrat.input.FieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.cstrat.server.core.InvalidRequestException;
import org.cstrat.server.demo.SyntheticCustomerData;

class ImportParserTest {

    static ImportFile csv(String name, String text) {
        return new ImportFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static final ImportFile CHANNELS = csv("channels.csv", "channel_id,name,kind\nweb,Website,digital\nstore,Shop,physical\n");
    static final ImportFile TOUCHPOINTS = csv("touchpoints.csv",
            "touchpoint_id,name,channel,initiative,moment_of_truth\nacme-web,Web shop,web,customer,false\nacme-till,Till,store,,true\n");
    static final ImportFile CUSTOMERS = csv("crm-customers.csv",
            "system,record_id,email,phone\ncrm,1,Ann@Example.com,+1 (415) 555-0101\ncrm,2,bob@example.com;b.b@example.com,\n");
    static final ImportFile INTERACTIONS = csv("interactions.csv",
            "interaction_id,system,record_id,touchpoint,at,stage,amount\n"
                    + "i1,crm,1,acme-web,2024-03-01T10:15:00Z,request,\n"
                    + "i2,crm,1,acme-till,2024-03-01 11:00,respond,12.50\n"
                    + "i3,crm,2,acme-web,2024-03-02,recognise,\n");

    static List<FieldError> errors(ImportFile... files) {
        try {
            ImportParser.parse("acme", List.of(files), ImportLookup.EMPTY);
        } catch (ImportRejectedException e) {
            return e.errors();
        }
        throw new AssertionError("expected the import to be rejected");
    }

    @Test
    void parsesAValidImport() {
        ImportBatch b = ImportParser.parse("acme", List.of(CHANNELS, TOUCHPOINTS, CUSTOMERS, INTERACTIONS), ImportLookup.EMPTY);
        assertThat(b.channels()).hasSize(2);
        assertThat(b.touchpoints()).extracting(ImportBatch.Touchpoint::initiative).containsExactly("customer", "customer");
        assertThat(b.touchpoints().get(1).momentOfTruth()).isTrue();
        assertThat(b.records()).extracting(ImportBatch.SourceRecord::id).containsExactly("acme/crm/1", "acme/crm/2");
        assertThat(b.records().get(0).identifiers()).containsExactly(
                new ImportBatch.Identifier("email", "ann@example.com"), new ImportBatch.Identifier("phone", "14155550101"));
        assertThat(b.records().get(1).identifiers()).hasSize(2);
        assertThat(b.interactions()).hasSize(3);
        ImportBatch.Interaction respond = b.interactions().get(1);
        assertThat(respond.id()).isEqualTo("acme/crm/i2");
        assertThat(respond.record()).isEqualTo("acme/crm/1");
        assertThat(respond.amount()).isEqualTo(12.5);
        assertThat(respond.at()).isEqualTo(OffsetDateTime.of(2024, 3, 1, 11, 0, 0, 0, ZoneOffset.UTC));
        assertThat(b.interactions().get(2).stage()).isEqualTo("recognize");
        assertThat(b.interactions().get(2).episode()).isEqualTo("acme/crm/i3");
    }

    @Test
    void feedbackAndStandingAuthorisationAreReadWhenTheFileHasThemAndKeptWhenItHasNot() {
        ImportFile withColumns = csv("touchpoints.csv", "touchpoint_id,name,channel,collects_feedback,standing_authorisation\n"
                + "acme-web,Web shop,web,yes,\nacme-till,Till,store,false,true\n");
        ImportBatch b = ImportParser.parse("acme", List.of(CHANNELS, withColumns), ImportLookup.EMPTY);
        assertThat(b.touchpoints()).extracting(ImportBatch.Touchpoint::collectsFeedback).containsExactly(true, false);
        assertThat(b.touchpoints()).extracting(ImportBatch.Touchpoint::standingAuthorisation).containsExactly(false, true);
        ImportBatch without = ImportParser.parse("acme", List.of(CHANNELS, TOUCHPOINTS), ImportLookup.EMPTY);
        assertThat(without.touchpoints()).extracting(ImportBatch.Touchpoint::collectsFeedback).containsOnlyNulls();
        assertThat(without.touchpoints()).extracting(ImportBatch.Touchpoint::standingAuthorisation).containsOnlyNulls();
        ImportFile bad = csv("touchpoints.csv", "touchpoint_id,name,channel,standing_authorisation\nacme-web,Web shop,web,always\n");
        assertThat(errors(CHANNELS, bad)).extracting(FieldError::toString)
                .containsExactly("touchpoints.csv:2:4: 'always' is not a boolean (true/false)");
    }

    @Test
    void everyErrorNamesFileLineAndColumn() {
        ImportFile interactions = csv("interactions.csv",
                "interaction_id,system,record_id,touchpoint,at,stage,amount\n"
                        + "i1,crm,1,acme-web,2024-13-01T10:15:00Z,request,\n"     // bad month
                        + "i2,crm,1,acme-till,2024-03-01 11:00,respond,$12\n"     // bad amount
                        + "i3,crm,1,nowhere,2024-03-02,request,\n"                // unknown touchpoint
                        + "i1,crm,1,acme-web,2024-03-02,request,\n"               // duplicate id
                        + "i5,crm,9,acme-web,2024-03-02,request,\n"               // unknown record
                        + "i6,crm,1,acme-web,2024-03-02,shopping,\n");            // bad stage
        List<String> errors = errors(CHANNELS, TOUCHPOINTS, CUSTOMERS, interactions).stream().map(FieldError::toString).toList();
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0)).startsWith("interactions.csv:2:5: '2024-13-01T10:15:00Z' is not a timestamp");
        assertThat(errors.get(1)).startsWith("interactions.csv:3:7: '$12' is not an amount");
        assertThat(errors.get(2)).startsWith("interactions.csv:4:4: unknown touchpoint 'nowhere'");
        assertThat(errors.get(3)).startsWith("interactions.csv:5:1: duplicate interaction 'crm/i1' (first defined at interactions.csv:2)");
        assertThat(errors.get(4)).startsWith("interactions.csv:6:3: unknown customer record '9' of system 'crm'");
        assertThat(errors.get(5)).startsWith("interactions.csv:7:6: 'shopping' is not a stage");
    }

    @Test
    void missingColumnsEmptyFilesAndUnknownFiles() {
        List<String> errors = errors(CHANNELS, csv("touchpoints.csv", "touchpoint_id,name\nx,X\n"), csv("customers.csv", ""),
                csv("notes.csv", "a\n1\n"), csv("actors.csv", "actor_id,name,kind,role\n")).stream().map(FieldError::toString).toList();
        assertThat(errors).anyMatch(e -> e.startsWith("touchpoints.csv:1:1: missing column 'channel'"))
                .anyMatch(e -> e.startsWith("customers.csv:1:1: the file is empty"))
                .anyMatch(e -> e.startsWith("notes.csv:1:1: unknown kind of file"))
                .anyMatch(e -> e.startsWith("actors.csv:2:1: the file has a header but no rows"));
    }

    @Test
    void aFieldLongerThanTheLimitIsAnErrorAtItsLineAndColumn() {
        String longEmail = "a".repeat(CsvTable.MAX_FIELD_LENGTH_DEFAULT) + "@example.com";
        ImportFile customers = csv("crm-customers.csv", "system,record_id,email,phone\ncrm,1,ann@example.com,\n"
                + "crm,2,\"" + longEmail + "\",\n");
        List<FieldError> errors = errors(CHANNELS, TOUCHPOINTS, customers, INTERACTIONS);
        assertThat(errors).extracting(FieldError::field).contains("crm-customers.csv:3:3");
        assertThat(errors).filteredOn(e -> e.field().equals("crm-customers.csv:3:3")).singleElement()
                .extracting(FieldError::message).asString()
                .contains(longEmail.length() + " characters", "limit of " + CsvTable.MAX_FIELD_LENGTH_DEFAULT, "--max-field-length");
        // a smaller limit, given as the import's option is, catches a shorter field; a quoted field spanning lines is located where it starts
        ImportFile multiLine = csv("crm-customers.csv", "system,record_id,email,phone\ncrm,1,\"x\n" + "y".repeat(30) + "\",\n");
        List<FieldError> capped = new java.util.ArrayList<>();
        CsvTable.parse(multiLine, capped, 20);
        assertThat(capped).extracting(FieldError::toString).containsExactly("crm-customers.csv:2:3: the field has 32 characters,"
                + " more than the limit of 20 (import --max-field-length)");
        List<FieldError> none = new java.util.ArrayList<>();
        CsvTable.parse(multiLine, none, 32);
        assertThat(none).isEmpty();
    }

    @Test
    void malformedUtf8IsReportedWhereItIs() {
        byte[] latin1 = "system,record_id,name,email\ncrm,1,Zoë,z@example.com\n".getBytes(StandardCharsets.ISO_8859_1);
        List<FieldError> errors = errors(new ImportFile("customers.csv", latin1));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).toString()).startsWith("customers.csv:2:9: not valid UTF-8 (byte 0xeb");
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<FieldError> errors = new ArrayList<>();
        CsvTable t = CsvTable.parse(csv("x.csv", "\uFEFFa,b\r\n\"1,\"\"one\"\"\",\"two\nlines\"\r\n3,4\n"), errors).orElseThrow();
        assertThat(errors).isEmpty();
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).fields()).containsExactly("1,\"one\"", "two\nlines");
        assertThat(t.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void invalidIdentifiersAndDuplicateRecordsAcrossFiles() {
        ImportFile a = csv("crm-customers.csv", "system,record_id,email\ncrm,1,not-an-email\n");
        ImportFile b = csv("more-customers.csv", "system,record_id,phone\ncrm,2,12\ncrm,2,4155550101\n");
        List<String> errors = errors(a, b).stream().map(FieldError::toString).toList();
        assertThat(errors).containsExactly(
                "crm-customers.csv:2:3: 'not-an-email' is not an e-mail address like name@example.com",
                "more-customers.csv:2:3: '12' is not a phone number of 8 to 15 digits, e.g. +1 415 555 0101",
                "more-customers.csv:3:2: duplicate customer record 'crm/2' (first defined at more-customers.csv:2)");
    }

    @Test
    void timestampsInEveryAcceptedForm() {
        assertThat(ImportParser.parseTimestamp("2024-03-01T10:15:30.5+02:00")).contains(
                OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 500_000_000, ZoneOffset.ofHours(2)));
        assertThat(ImportParser.parseTimestamp("2024-02-30")).isEmpty();
        assertThat(ImportParser.parseTimestamp("01/03/2024")).isEmpty();
        assertThat(ImportParser.parseTimestamp("2024-03-01T25:00")).isEmpty();
    }

    @Test
    void theGeneratedSampleIsValid() {
        List<ImportFile> files = SyntheticCustomerData.generate("gen", 200, 7);
        ImportBatch b = ImportParser.parse("gen", files, ImportLookup.EMPTY);
        assertThat(b.records()).hasSizeGreaterThan(200);
        assertThat(b.interactions()).hasSizeGreaterThan(1000);
        assertThat(SyntheticCustomerData.generate("gen", 200, 7).get(4).content()).isEqualTo(files.get(4).content());
    }

    @Test
    void aBadFirmIdIsRefused() {
        assertThatThrownBy(() -> ImportParser.parse("Bad Firm", List.of(CHANNELS), ImportLookup.EMPTY))
                .isInstanceOf(InvalidRequestException.class);
    }
}
