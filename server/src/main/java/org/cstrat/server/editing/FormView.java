package org.cstrat.server.editing;

import java.util.List;
import java.util.Map;

/** What {@code web/templates/form.html} draws: a titled form with its fields, values and errors. */
public record FormView(String title, String intro, String action, String cancelUrl, String submitLabel, List<Field> fields,
                       List<Crumb> crumbs) {

    public FormView {
        fields = List.copyOf(fields);
        crumbs = List.copyOf(crumbs);
    }

    /** A link of the breadcrumb trail. */
    public record Crumb(String href, String label) {
    }

    /** One option of a select, radio or checkbox list. */
    public record Option(String value, String label) {
    }

    /**
     * A field. {@code type}: text, textarea, number, select, checkbox, checkboxes; {@code readonly} for an id
     * that cannot change; {@code error} the message shown next to it.
     */
    public record Field(String name, String label, String type, List<String> values, List<Option> options, String help,
                        boolean required, boolean readonly, String error) {
        public Field {
            values = List.copyOf(values);
            options = List.copyOf(options);
            help = help == null ? "" : help;
            error = error == null ? "" : error;
        }

        public String value() {
            return values.isEmpty() ? "" : values.get(0);
        }

        public boolean has(String v) {
            return values.contains(v);
        }

        public boolean checked() {
            return values.contains("on") || values.contains("true");
        }

        /** A submitted value that is not among the options (shown so the error next to it makes sense), or null. */
        public String unknownValue() {
            String v = value();
            return v.isEmpty() || options.stream().anyMatch(o -> o.value().equals(v)) ? null : v;
        }

        public boolean hasError() {
            return !error.isEmpty();
        }
    }

    /** A field's definition before values and errors are known. */
    record Def(String name, String label, String type, List<Option> options, String help, boolean required) {
        Field with(Map<String, List<String>> values, Map<String, String> errors, boolean readonly) {
            return new Field(name, label, type, values.getOrDefault(name, List.of()), options, help, required, readonly,
                    errors.get(name));
        }
    }

    /** True when some field has an error. */
    public boolean hasErrors() {
        return fields.stream().anyMatch(Field::hasError);
    }
}
