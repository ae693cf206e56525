package org.cstrat.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cstrat.sim.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Guards the hot loop's exact arithmetic: every raw per-replication output (all doubles, bit for
 * bit) of 40 strategies covering the four experiences, every billing model and pricing indicator and
 * personalisation levels 1-4, on six segments with episode rates 0, 0.6, 1, 1.3, 2 and 2.5 and with
 * parameter uncertainty, is folded into one 64-bit fingerprint per strategy. The golden scenario files
 * tolerate noise; this test does not, so a speed-up of {@code CompiledStrategy} that changes any bit
 * (a reordered sum, a different draw order) fails here. The expected values were recorded when the
 * acceptance probability became the exact logistic (the engine of commit 8f5d555 used a table with
 * error below 3e-6: over 200 replications of this scenario 616 of 640,000 raw outputs changed, and
 * no strategy's mean NPV moved by more than 0.002 standard errors); change them only for a
 * deliberate change of the model or of its arithmetic, and say so in the commit. Engine 1.2.0 (the
 * withdrawal after a bad automatically executed episode with q clamped at 0) changed none of them: it
 * moves only such episodes with q &lt; 0, which at the default priceRegret need a felt price above about 2.3 times
 * the customer's WTP, and no decision here changed (KnownAnswerTest covers that path).
 */
class RawOutputFingerprintTest {
    static Map<String, Long> fingerprints(PartialResult r) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int s = 0; s < r.strategies().size(); s++) {
            long h = 0x243f6a8885a308d3L;
            for (double v : r.outputs(s)) {
                h = Long.rotateLeft(h ^ Double.doubleToRawLongBits(v), 23) * 0x9e3779b97f4a7c15L;
            }
            out.put(r.strategies().get(s), h);
        }
        return out;
    }

    @Test
    void rawOutputsAreBitIdenticalToTheRecordedEngine() {
        PartialResult r = new SimulationEngine(2).runReplications(Fixtures.fingerprintScenario(), ProgressListener.NONE, CancellationToken.none());
        Map<String, Long> actual = fingerprints(r);
        StringBuilder listing = new StringBuilder();
        actual.forEach((k, v) -> listing.append(String.format("%s %016x%n", k, v)));
        assertEquals(EXPECTED, listing.toString(), "raw output fingerprints (name, hash)");
    }

    private static final String EXPECTED = """
            respond_to_desire-0 63bfec1bbf357fa6
            respond_to_desire-1 3eeca36946fae908
            respond_to_desire-2 69a823f50c0aef8e
            respond_to_desire-3 f37c848ef84b1170
            respond_to_desire-4 3ccbec101efca5a0
            respond_to_desire-5 ab6d2d65d1c5e1bf
            respond_to_desire-6 7607c6aeff8f3c41
            respond_to_desire-7 33cee70e02745301
            respond_to_desire-8 5bf8c099622d9b82
            respond_to_desire-9 ab98fb7e36e6c470
            curated_offering-0 1c748724efd1f494
            curated_offering-1 8ecfeaf62b36bf4b
            curated_offering-2 165736c92d2d26da
            curated_offering-3 1faad27a720ba21e
            curated_offering-4 58adc63d5b04226c
            curated_offering-5 2f2e07c2d5c02781
            curated_offering-6 bbe78661d4db24de
            curated_offering-7 b5d222f4d8a41739
            curated_offering-8 578b88f66f4cfa16
            curated_offering-9 7ab5107b0ff1426d
            coach_behavior-0 441731df2c383ac8
            coach_behavior-1 f8b309afc3778bc5
            coach_behavior-2 7804e129e3cfcc72
            coach_behavior-3 9f7bec16bccd3b3a
            coach_behavior-4 010f1c38f11de6fe
            coach_behavior-5 b37debb6a1cf030a
            coach_behavior-6 14980c7257fe339c
            coach_behavior-7 817da3d79a039c03
            coach_behavior-8 5be24db6f51378bf
            coach_behavior-9 81dc6acfc07d0819
            automatic_execution-0 e2dcb9198ca0b05f
            automatic_execution-1 0e42a3c4a0d7792c
            automatic_execution-2 1f28d9d33c3da0f0
            automatic_execution-3 eda57a67c36ca567
            automatic_execution-4 9ce1a4fc802faf93
            automatic_execution-5 59fdaccb8de469cb
            automatic_execution-6 d358ddfa182d1e04
            automatic_execution-7 8a92f26ffb1e80fa
            automatic_execution-8 fe88591a914a3efd
            automatic_execution-9 0e3917ec6f777c18
            """;
}
