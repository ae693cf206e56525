package org.cstrat.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesOnlyWhatNeedsQuoting() {
        assertEquals("plain text", Csv.field("plain text"));
        assertEquals("", Csv.field(null));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("\"carriage\rreturn\"", Csv.field("carriage\rreturn"));
    }

    @Test
    void spreadsheetFieldsNeverStartAFormula() {
        assertEquals("'=SUM(A1:A2)", Csv.spreadsheetField("=SUM(A1:A2)"));
        assertEquals("'+1", Csv.spreadsheetField("+1"));
        assertEquals("'-2", Csv.spreadsheetField("-2"));
        assertEquals("'@cmd", Csv.spreadsheetField("@cmd"));
        assertEquals("\"'=1,2\"", Csv.spreadsheetField("=1,2"));
        assertEquals("", Csv.spreadsheetField(null));
        assertEquals("Acme", Csv.spreadsheetField("Acme"));
    }
}
