package org.cstrat.sim.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one parameter of the model: meaning, unit and the closed range of valid values.
 * The scenario validator, the JSON Schema writer, the tornado (which clamps its swings into the
 * range) and the README's parameter table are all driven by these annotations, so they cannot
 * drift apart.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** What the parameter means. */
    String value();

    /** Unit, e.g. "currency/episode", "probability", "1/period". Empty for labels. */
    String unit() default "";

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** True when the field must be present in a scenario file (no default). */
    boolean required() default false;

    /** For a text field: the regular expression (JSON Schema {@code pattern}) its value must match; empty for none. */
    String pattern() default "";
}
