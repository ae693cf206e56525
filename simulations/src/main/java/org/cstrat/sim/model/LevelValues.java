package org.cstrat.sim.model;

import org.cstrat.framework.PersonalisationLevel;

/** One number per personalisation level 1 to 4. */
public record LevelValues(
        @Param("value at level 1, unified experience") double level1,
        @Param("value at level 2, personalise on past interactions") double level2,
        @Param("value at level 3, use customer feedback") double level3,
        @Param("value at level 4, trusted partner") double level4) {

    public LevelValues {
        for (double v : new double[] {level1, level2, level3, level4}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("level values must be finite, was " + v);
            }
        }
    }

    public static LevelValues of(double l1, double l2, double l3, double l4) {
        return new LevelValues(l1, l2, l3, l4);
    }

    public double get(PersonalisationLevel level) {
        return switch (level) {
            case UNIFIED -> level1;
            case PAST_INTERACTIONS -> level2;
            case FEEDBACK -> level3;
            case TRUSTED_PARTNER -> level4;
        };
    }

    LevelValues check(String field, double min, double max) {
        for (PersonalisationLevel l : PersonalisationLevel.values()) {
            Checks.range(field + ".level" + l.level(), get(l), min, max);
        }
        return this;
    }
}
