package org.cstrat.sim.model;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.cstrat.framework.Experience;

/**
 * One strategy compiled for one parameter set into flat primitive arrays, and the hot loop that
 * simulates one replication of the whole customer population.
 *
 * <p>Customers do not interact, so the loop is customer-major: each customer is followed through
 * all her periods with her state (trust, knowledge, authorisation, consent) in local variables and
 * her own random stream, seeded from the replication keys and her index. Memory per replication is
 * independent of the number of customers; there is no allocation per customer-period, no boxing and
 * no virtual call (the billing model is compiled into per-segment-and-tenure price tables).
 *
 * <p>Random numbers are drawn on a fixed schedule (one per period for the fractional episode count
 * when needed, four per episode, one per period for churn) whatever happens, so two strategies run
 * on the same keys see the same uniforms for the same customer, episode and decision for as long as
 * the customer stays: common random numbers that stay in step.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class CompiledStrategy {
    private static final int AUTO = Experience.AUTOMATIC_EXECUTION.ordinal();
    private static final int COACH = Experience.COACH_BEHAVIOR.ordinal();
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    /**
     * Episode-periods simulated between two looks at {@link #simulate(long, long, double[], int, BooleanSupplier)}'s
     * stop signal: about 2-5 ms of one core at the engine's rate, so a cancelled replication stops within that
     * (one look per block of customers, never inside the per-customer-period loops).
     */
    public static final long BLOCK_EPISODE_PERIODS = 1L << 18;
    private static final BooleanSupplier NEVER = () -> false;

    private final OutputLayout layout;
    private final int periods;
    private final int segmentCount;
    private final int experience;

    private final int[] initialCustomers;
    private final int[] newPerPeriod;
    private final int[] block;              // [segment]: customers between two looks at the stop signal, see BLOCK_EPISODE_PERIODS
    private final int[] rateFloor;
    private final double[] rateFrac;
    private final double[] wtp;
    private final double[] wtpSpread;
    private final double[] beta;
    private final double[] consent;
    private final double[] selfInitiation;
    private final double[] baseChurn;
    private final double[] initialTrust;
    private final double[] acquisitionCost;
    private final double[] fitUnrecognised;
    private final boolean[] priceVaries;    // [segment]: the price row depends on tenure
    private final double[] serveCost;       // [experience], at zero knowledge
    private final double[] priceAccept;     // [segment * periods + tenure]
    private final double[] priceSatisfaction;
    private final double[] revenueFixed;
    private final double[] priceFit;        // [segment]
    private final double[] revenueGood;     // [segment]
    private final double[] theta;           // trust threshold per experience
    private final double[] discount;        // end of period t
    private final double[] discountStart;   // start of period t
    private final double[] reciprocal;      // 1/n for episode counts
    // One episode per period (episode rate exactly 1, the default): the flat loops below use these.
    private final boolean[] single;         // [segment]: floor(rate) = 1 and no fractional part
    private final boolean[] constantPrice;  // [segment]: pa, ps and the revenue per episode depend neither on tenure nor on fit
    private final int stateStride;          // doubles per segment in stateTable
    private final double[] stateTable;      // [segment * stateStride + 4 * slot + {fit, wtpRel, serve cost, e^-(alpha + beta * wtpRel)}], see stateSlot
    private final boolean[] factorised;     // [segment]: price independent of fit, so acceptance is Logistic.weighFactors(u, stateTable factor, e^(beta * price / w_i))
    private final double[] churnAdd;        // [2 * bad + unrecognised]: churnBad * bad + churnUnrecognised * unrecognised

    private final double revenuePerPeriod;
    private final double connectedCost;
    private final double alpha;
    private final double fitBase;
    private final double fitPremium;
    private final double priceRegret;
    private final double trustGain;
    private final double trustLoss;
    private final double churnBad;
    private final double churnUnrecognised;
    private final double trustRetention;
    private final double withdrawal;
    private final double recognition;
    private final double react;
    private final double upfront;
    private final double fixedCostUndiscounted;

    public CompiledStrategy(ModelParameters p, Strategy strategy) {
        this(p, strategy, true);
    }

    /**
     * @param factors whether acceptance may use the state table's factors where they are safe; {@code false}
     *                evaluates the logistic directly everywhere (for tests that the two agree)
     */
    CompiledStrategy(ModelParameters p, Strategy strategy, boolean factors) {
        Checks.present("parameters", p);
        Checks.present("strategy", strategy);
        List<Segment> segments = p.segments();
        this.layout = new OutputLayout(p.periods(), segments.size());
        this.periods = p.periods();
        this.segmentCount = segments.size();
        this.experience = strategy.experience().ordinal();
        int level = strategy.personalisationLevel().level() - 1;
        Behaviour b = p.behaviour();
        Costs c = p.costs();

        initialCustomers = new int[segmentCount];
        newPerPeriod = new int[segmentCount];
        block = new int[segmentCount];
        rateFloor = new int[segmentCount];
        rateFrac = new double[segmentCount];
        wtp = new double[segmentCount];
        wtpSpread = new double[segmentCount];
        beta = new double[segmentCount];
        consent = new double[segmentCount];
        selfInitiation = new double[segmentCount];
        baseChurn = new double[segmentCount];
        initialTrust = new double[segmentCount];
        acquisitionCost = new double[segmentCount];
        fitUnrecognised = new double[segmentCount];
        final double[] fitRecognised = new double[segmentCount * 4];   // [segment * 4 + experience]
        priceFit = new double[segmentCount];
        revenueGood = new double[segmentCount];
        priceAccept = new double[segmentCount * periods];
        priceSatisfaction = new double[segmentCount * periods];
        revenueFixed = new double[segmentCount * periods];

        double[] levelUplift = {b.levelFitUplift().level1(), b.levelFitUplift().level2(), b.levelFitUplift().level3(), b.levelFitUplift().level4()};
        double[] knowledgeUse = {b.levelKnowledgeUse().level1(), b.levelKnowledgeUse().level2(), b.levelKnowledgeUse().level3(), b.levelKnowledgeUse().level4()};
        double[] learnMultiplier = {b.levelLearningMultiplier().level1(), b.levelLearningMultiplier().level2(), b.levelLearningMultiplier().level3(), b.levelLearningMultiplier().level4()};
        double[] levelCost = {c.levelPerCustomerPeriod().level1(), c.levelPerCustomerPeriod().level2(), c.levelPerCustomerPeriod().level3(), c.levelPerCustomerPeriod().level4()};
        double[] experienceFit = b.experienceFit().toArray();
        double[] intrusiveness = b.intrusiveness().toArray();
        double meanRate = Pricing.meanEpisodeRate(segments, periods);

        for (int s = 0; s < segmentCount; s++) {
            Segment seg = segments.get(s);
            initialCustomers[s] = seg.initialCustomers();
            newPerPeriod[s] = seg.newCustomersPerPeriod();
            rateFloor[s] = (int) Math.floor(seg.episodeRate());
            rateFrac[s] = seg.episodeRate() - rateFloor[s];
            block[s] = (int) Math.max(1, BLOCK_EPISODE_PERIODS / ((long) periods * (long) Math.max(1.0, Math.ceil(seg.episodeRate()))));
            wtp[s] = seg.willingnessToPay();
            wtpSpread[s] = seg.wtpSpread();
            beta[s] = seg.priceSensitivity();
            consent[s] = seg.dataSharing() * (1.0 - seg.privacySensitivity() * intrusiveness[experience]);
            selfInitiation[s] = seg.selfInitiation();
            baseChurn[s] = seg.baseChurn();
            initialTrust[s] = seg.initialTrust();
            acquisitionCost[s] = seg.acquisitionCost();
            double[] pref = seg.preference().toArray();
            fitUnrecognised[s] = b.fitBase() + experienceFit[0] + b.preferenceWeight() * (pref[0] - 0.5);
            for (int e = 0; e < 4; e++) {
                fitRecognised[s * 4 + e] = b.fitBase() + levelUplift[level] + experienceFit[e] + b.preferenceWeight() * (pref[e] - 0.5);
            }
            compileBilling(strategy.billing(), seg, s, meanRate);
        }
        final double[] fitTable = new double[segmentCount * 8];        // [segment * 8 + 4 * recognised + experience]
        priceVaries = new boolean[segmentCount];
        for (int s = 0; s < segmentCount; s++) {
            for (int e = 0; e < 4; e++) {
                fitTable[s * 8 + e] = fitUnrecognised[s];
                fitTable[s * 8 + 4 + e] = fitRecognised[s * 4 + e];
            }
            for (int tenure = 1; tenure < periods; tenure++) {
                int i = s * periods + tenure;
                int first = s * periods;
                if (Double.doubleToLongBits(priceAccept[i]) != Double.doubleToLongBits(priceAccept[first])
                        || Double.doubleToLongBits(priceSatisfaction[i]) != Double.doubleToLongBits(priceSatisfaction[first])
                        || Double.doubleToLongBits(revenueFixed[i]) != Double.doubleToLongBits(revenueFixed[first])) {
                    priceVaries[s] = true;
                }
            }
        }
        BillingModel billing = strategy.billing();
        if (billing instanceof BillingModel.Subscription sub) {
            revenuePerPeriod = sub.feePerPeriod();
        } else if (billing instanceof BillingModel.ThirdPartyPays tp) {
            revenuePerPeriod = tp.perActiveCustomer();
        } else {
            revenuePerPeriod = 0.0;
        }

        double[] costFactor = c.experienceCostFactor().toArray();
        serveCost = new double[4];
        for (int e = 0; e < 4; e++) {
            serveCost[e] = c.perEpisode() * strategy.fulfilmentCostShare() * costFactor[e];
        }
        connectedCost = c.connectedPerCustomerPeriod() + levelCost[level];
        final double knowledgeFit = b.knowledgeFitWeight() * knowledgeUse[level];
        final double knowledgeCost = c.knowledgeCostReduction();
        final double learning = Math.min(1.0, b.learningRate() * learnMultiplier[level]);
        alpha = b.acceptanceIntercept();
        fitBase = b.fitBase();
        fitPremium = b.fitPremium();
        priceRegret = b.priceRegret();
        trustGain = b.trustGain();
        trustLoss = b.trustLoss();
        churnBad = b.churnBadEpisodes();
        churnUnrecognised = b.churnUnrecognised();
        trustRetention = b.trustRetention();
        withdrawal = b.withdrawalProbability();
        theta = b.trustThreshold().toArray();
        recognition = p.star().recognition();
        react = p.star().react();

        discount = new double[periods];
        discountStart = new double[periods];
        double fixed = 0;
        for (int t = 0; t < periods; t++) {
            discountStart[t] = Math.pow(1.0 + p.discountRate(), -t);
            discount[t] = Math.pow(1.0 + p.discountRate(), -(t + 1));
            fixed += strategy.fixedCostPerPeriod() * discount[t];
        }
        upfront = -strategy.investment() - fixed;
        fixedCostUndiscounted = strategy.investment() + strategy.fixedCostPerPeriod() * periods;

        int maxEpisodes = 0;
        for (int s = 0; s < segmentCount; s++) {
            maxEpisodes = Math.max(maxEpisodes, rateFloor[s] + 1);
        }
        reciprocal = new double[maxEpisodes + 1];
        for (int n = 1; n <= maxEpisodes; n++) {
            reciprocal[n] = 1.0 / n;
        }

        single = new boolean[segmentCount];
        constantPrice = new boolean[segmentCount];
        for (int s = 0; s < segmentCount; s++) {
            single[s] = rateFloor[s] == 1 && rateFrac[s] == 0.0;
            int first = s * periods;
            constantPrice[s] = !priceVaries[s] && priceFit[s] == 0.0
                    && Double.doubleToRawLongBits(priceAccept[first]) != Long.MIN_VALUE
                    && Double.doubleToRawLongBits(priceSatisfaction[first]) != Long.MIN_VALUE;
        }
        churnAdd = new double[4];
        for (int bad = 0; bad < 2; bad++) {
            for (int unrec = 0; unrec < 2; unrec++) {
                churnAdd[2 * bad + unrec] = churnBad * bad + churnUnrecognised * unrec;
            }
        }
        // Knowledge after j recognised episodes, k_j = k_(j-1) + learning (1 - k_(j-1)): the state table
        // below is the one place that turns it into fit, effective WTP and serve cost for every loop.
        // Up to maxEpisodes per period, so j recognised episodes before an episode stay below maxJ.
        final int maxJ = maxEpisodes * periods;
        double[] knowledgeAfter = new double[maxJ];
        for (int j = 1; j < maxJ; j++) {
            double k = knowledgeAfter[j - 1];
            knowledgeAfter[j] = k + 1 * learning * (1.0 - k);
        }
        stateStride = 4 * (1 + 4 * maxJ);
        stateTable = new double[segmentCount * stateStride];
        factorised = new boolean[segmentCount];
        for (int s = 0; s < segmentCount; s++) {
            double largestExponent = 0.0;
            for (int rec = 0; rec < 2; rec++) {
                for (int j = 0; j < (rec == 0 ? 1 : maxJ); j++) {
                    for (int x = 0; x < 4; x++) {
                        final double kUsed = rec * knowledgeAfter[j];
                        double fit = fitTable[s * 8 + 4 * rec + x] + knowledgeFit * kUsed;
                        fit = fit < 0.0 ? 0.0 : (fit > 1.0 ? 1.0 : fit);
                        int slot = s * stateStride + 4 * stateSlot(rec, j, x);
                        stateTable[slot] = fit;
                        stateTable[slot + 1] = 1.0 + fitPremium * (fit - fitBase);
                        stateTable[slot + 2] = serveCost[rec * x] * (1.0 - knowledgeCost * kUsed);
                        // Acceptance's exponent at a zero price: sigma(a - beta * price / w_i) needs only e^-a
                        // from here and one factor per customer.
                        final double a = alpha + beta[s] * stateTable[slot + 1];
                        stateTable[slot + 3] = Math.exp(-a);
                        largestExponent = Math.max(largestExponent, Math.abs(a));
                    }
                }
            }
            // The per-customer factor e^(beta * price / w_i) is largest for the highest price and the lowest WTP.
            double highestPrice = 0.0;
            for (int tenure = 0; tenure < periods; tenure++) {
                highestPrice = Math.max(highestPrice, Math.abs(priceAccept[s * periods + tenure]));
            }
            final double lowestWtp = wtp[s] * (1.0 - wtpSpread[s]);
            final double priceExponent = lowestWtp > 0.0 ? beta[s] * highestPrice / lowestWtp : Double.POSITIVE_INFINITY;
            factorised[s] = factors && priceFit[s] == 0.0 && Logistic.factorsSafe(largestExponent, priceExponent);
        }
    }

    /**
     * Slot of an episode's state in a segment's row of {@code stateTable}: 0 for an unrecognised
     * episode (generic fit, whatever the experience and knowledge), {@code 1 + 4j + x} for a
     * recognised one after {@code j} earlier recognised episodes with delivered experience {@code x}.
     */
    private static int stateSlot(int rec, int j, int x) {
        return rec * (1 + 4 * j + x);
    }

    private void compileBilling(BillingModel billing, Segment seg, int s, double meanRate) {
        for (int tenure = 0; tenure < periods; tenure++) {
            int i = s * periods + tenure;
            double pa;
            double ps;
            double rev;
            if (billing instanceof BillingModel.FlatPrice f) {
                pa = ps = rev = f.price();
            } else if (billing instanceof BillingModel.PersonalisedPricing pp) {
                pa = ps = rev = pp.basePrice() * Pricing.guardedMultiplier(pp, seg, meanRate, tenure);
            } else if (billing instanceof BillingModel.OutcomeSharing o) {
                pa = ps = rev = o.feePerEpisode();
                priceFit[s] = o.share() * seg.valuePerEpisode();
                revenueGood[s] = o.share() * seg.valuePerEpisode();
            } else if (billing instanceof BillingModel.ThirdPartyPays tp) {
                pa = ps = 0.0;
                rev = tp.perEpisode();
            } else if (billing instanceof BillingModel.PayPerUse ppu) {
                pa = ps = rev = ppu.pricePerUnit() * seg.usagePerEpisode();
            } else if (billing instanceof BillingModel.Subscription sub) {
                // a usage price of 0 (the plain subscription) gives exactly the numbers of engine 1.2.0: 0 + x == x
                pa = rev = sub.pricePerUnit() * seg.usagePerEpisode();
                ps = pa + (seg.episodeRate() > 0 ? sub.feePerPeriod() / seg.episodeRate() : 0.0);
            } else if (billing instanceof BillingModel.Commission cm) {
                pa = ps = cm.transactionValue();
                rev = cm.rate() * cm.transactionValue();
            } else {
                throw new IllegalArgumentException("billing: unsupported model, was " + billing);
            }
            priceAccept[i] = pa;
            priceSatisfaction[i] = ps;
            revenueFixed[i] = rev;
        }
    }

    public OutputLayout layout() {
        return layout;
    }

    /**
     * The specialised loops this strategy selects for its segments, each as {@code loop/acceptance} with acceptance
     * {@code factorised} (the state table's e^-a times a customer's price factor) or {@code direct} (the logistic of
     * the whole exponent), and {@code +tenure} when the segment's price row varies with tenure. A customer's consent
     * draw picks {@code unrecognised*} (she does not consent), {@code pull*} (respond to desire, curated offering) or
     * {@code full*} (coach behavior, automatic execution); {@code *Single} when the segment's episode rate is exactly 1.
     * For tests that must exercise every path (ReferenceModelTest).
     */
    SortedSet<String> paths() {
        SortedSet<String> out = new TreeSet<>();
        for (int s = 0; s < segmentCount; s++) {
            final String shape = single[s] ? "Single" : "Customer";
            final String tenure = priceVaries[s] ? "+tenure" : "";
            if (consent[s] < 1.0) {
                out.add("unrecognised" + shape + "/direct" + tenure);
            }
            if (consent[s] > 0.0) {
                final boolean factors = single[s] ? constantPrice[s] && factorised[s] : factorised[s];
                out.add((experience < COACH ? "pull" : "full") + shape + (factors ? "/factorised" : "/direct") + tenure);
            }
        }
        return out;
    }

    /**
     * Simulates one replication and adds its outputs to {@code out[offset .. offset + stride)}, which
     * the caller must have zeroed.
     *
     * @param key0 first replication key (from the replication's stream)
     * @param key1 second replication key
     */
    public void simulate(long key0, long key1, double[] out, int offset) {
        simulate(key0, key1, out, offset, NEVER);
    }

    /**
     * Simulates one replication as {@link #simulate(long, long, double[], int)} does, looking at {@code stop} once per
     * block of customers (about {@link #BLOCK_EPISODE_PERIODS} episode-periods); when it says stop, returns
     * {@code false} at once and leaves {@code out} incomplete (the caller discards it).
     *
     * @return true when the replication was simulated in full
     */
    public boolean simulate(long key0, long key1, double[] out, int offset, BooleanSupplier stop) {
        // Active customers per period are counted as differences (+1 at arrival, -1 after the period
        // of churn) and summed up at the end: integer counts, so exact in any order.
        final int act = offset + OutputLayout.SCALARS;
        for (int t = periods - 1; t > 0; t--) {
            out[act + t] -= out[act + t - 1];
        }
        long customer = 0;
        for (int s = 0; s < segmentCount; s++) {
            final int b = block[s];
            for (int from = 0; from < initialCustomers[s]; from += b) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                final int to = Math.min(initialCustomers[s], from + b);
                for (int i = from; i < to; i++) {
                    customer(s, 0, key0, key1, customer++, out, offset);
                }
            }
            for (int arrival = 1; arrival < periods; arrival++) {
                for (int from = 0; from < newPerPeriod[s]; from += b) {
                    if (stop.getAsBoolean()) {
                        return false;
                    }
                    final int to = Math.min(newPerPeriod[s], from + b);
                    for (int i = from; i < to; i++) {
                        customer(s, arrival, key0, key1, customer++, out, offset);
                    }
                }
            }
        }
        for (int t = 1; t < periods; t++) {
            out[act + t] += out[act + t - 1];
        }
        out[offset + OutputLayout.NPV] += upfront;
        out[offset + OutputLayout.COST] += fixedCostUndiscounted;
        return true;
    }

    /**
     * Customer {@code index}'s own generator for a replication's keys, seeded exactly as the hot loop
     * seeds hers (for references that must draw the same streams, such as the benchmark's).
     */
    public static XoRoShiRo128PlusPlus customerStream(long key0, long key1, long index) {
        final long s0 = seed0(key0, index);
        return new XoRoShiRo128PlusPlus(s0, seed1(key1, index, s0));
    }

    /** First seed word of customer {@code index}'s stream: SplitMix64 output at her index. */
    static long seed0(long key0, long index) {
        return mix(key0 + GOLDEN * (2 * index + 1));
    }

    /** Second seed word; a zero state (probability 2^-128) is replaced so the generator is valid. */
    static long seed1(long key1, long index, long s0) {
        long s1 = mix(key1 + GOLDEN * (2 * index + 2));
        return (s0 | s1) == 0 ? GOLDEN : s1;
    }

    /** SplitMix64's finaliser (Stafford's variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * The integer threshold of probability {@code p} for a generator output: for any 64-bit output
     * {@code v}, {@code below(v, threshold(p))} is exactly {@code (v >>> 11) * 0x1.0p-53 < p}, the
     * comparison of Commons RNG's {@code nextDouble()} with {@code p} (the scaling by 2^53 is exact
     * and {@code m < x} iff {@code m < ceil(x)} for an integer {@code m}). Saves the conversion to
     * double when the probability is fixed for a customer.
     */
    static long threshold(double p) {
        double x = Math.ceil(p * 0x1.0p53);
        return x <= 0.0 ? 0L : (x >= 0x1.0p53 ? 1L << 53 : (long) x);
    }

    /** 1 when the uniform of generator output {@code v} is below the probability of {@code threshold}, else 0. */
    static int below(long v, long threshold) {
        return (int) (((v >>> 11) - threshold) >>> 63);
    }

    /**
     * e^(beta · price / w_i), the per-customer factor of the acceptance logistic for a price that does
     * not depend on fit ({@code price + 0.0}: the fit term pFit · fit is +0.0 for such a price).
     */
    private static double priceFactor(double beta, double price, double invW) {
        return Exp.exp(beta * ((price + 0.0) * invW));
    }

    /** 1 when a < b, else 0, without a branch (a and b finite, a - b not NaN). */
    private static int lt(double a, double b) {
        return (int) (Double.doubleToRawLongBits(a - b) >>> 63);
    }

    /**
     * Follows one customer from her arrival to the horizon or her churn. The outcome of her arrival
     * consent draw selects one of three loops that compute the same model with less work where a
     * decision cannot happen: a customer who does not consent is never recognised (so her fit,
     * acceptance probability and satisfaction are constant for a given price), and under respond to
     * desire or curated offering nothing is acted on first or executed automatically. Each loop
     * re-creates the customer's generator and redraws her two arrival uniforms, so every loop keeps
     * the generator in registers and all three consume exactly the documented draw schedule.
     */
    private void customer(int s, int arrival, long key0, long key1, long index, double[] out, int off) {
        final long s0 = seed0(key0, index);
        final long s1 = seed1(key1, index, s0);
        // The consent uniform decides which loop follows her; the loop draws it again from a fresh
        // generator on the same seed, so the uniforms the model uses are unchanged.
        final double uConsent = new XoRoShiRo128PlusPlus(s0, s1).nextDouble();
        if (!(uConsent < consent[s])) {
            if (single[s]) {
                unrecognisedSingle(s, arrival, s0, s1, out, off);
            } else {
                unrecognisedCustomer(s, arrival, s0, s1, out, off);
            }
        } else if (experience < COACH) {
            if (single[s]) {
                pullSingle(s, arrival, s0, s1, out, off);
            } else {
                pullCustomer(s, arrival, s0, s1, out, off);
            }
        } else if (single[s]) {
            fullSingle(s, arrival, s0, s1, out, off);
        } else {
            fullCustomer(s, arrival, s0, s1, out, off);
        }
    }

    /**
     * A customer who does not consent: never recognised, so no learning, no connected cost, no
     * authorisation, and the delivered experience for costing is always respond to desire. Her fit
     * is the generic one; her acceptance probability and outcome probability change only with the
     * price row (computed once when the segment's prices do not depend on tenure).
     */
    private void unrecognisedCustomer(int s, int arrival, long s0, long s1, double[] out, int off) {
        final XoRoShiRo128PlusPlus rng = new XoRoShiRo128PlusPlus(s0, s1);
        rng.nextLong(); // consent (known: does not consent)
        final double wtpI = wtp[s] * (1.0 + wtpSpread[s] * (2.0 * rng.nextDouble() - 1.0));
        final double invW = 1.0 / wtpI;

        final int priceRow = s * periods;
        final boolean tenureDependent = priceVaries[s];
        final double pFit = priceFit[s];
        final double rGood = revenueGood[s];
        final double betaS = beta[s];
        final long selfT = threshold(selfInitiation[s]);
        final double frac = rateFrac[s];
        final long fracT = threshold(frac);
        final int floorN = rateFloor[s];
        final double churn0 = baseChurn[s];
        final double cost0 = serveCost[0];
        double fit = fitUnrecognised[s];
        fit = fit < 0.0 ? 0.0 : (fit > 1.0 ? 1.0 : fit);
        final double wtpRel = 1.0 + fitPremium * (fit - fitBase);
        final double wtpServed = wtpI * wtpRel;

        double trust = initialTrust[s];
        double margin = 0.0;
        double revenue = 0;
        double cost = 0;
        double serveCostSum = 0;
        double wtpSum = 0;
        double priceSum = 0;
        int episodes = 0;
        int served = 0;
        int t = arrival;

        if (arrival > 0) {
            double acq = acquisitionCost[s];
            margin -= acq * discountStart[arrival];
            cost += acq;
        }

        long acceptT = 0;
        long goodT = 0;
        double ps = 0;
        double rev0 = 0;
        for (; t < periods; t++) {
            final int tenure = t - arrival;
            if (tenure == 0 || tenureDependent) {
                final double pa0 = priceAccept[priceRow + tenure];
                final double ps0 = priceSatisfaction[priceRow + tenure];
                rev0 = revenueFixed[priceRow + tenure];
                final double pa = pa0 + pFit * fit;
                acceptT = threshold(Logistic.of(alpha + betaS * (wtpRel - pa * invW)));
                ps = ps0 + pFit * fit;
                final double regret = ps * invW - wtpRel;
                goodT = threshold(fit - priceRegret * (regret > 0.0 ? regret : 0.0));
            }
            int n = floorN;
            if (frac > 0.0) {
                n += below(rng.nextLong(), fracT);
            }
            double periodRevenue = revenuePerPeriod;
            double periodCostSum = 0.0;
            int bad = 0;
            for (int e = 0; e < n; e++) {
                rng.nextLong(); // recognition (never, without consent)
                final int captured = below(rng.nextLong(), selfT);
                final int served1 = captured & below(rng.nextLong(), acceptT);
                final int good = served1 & below(rng.nextLong(), goodT);
                final int badOutcome = served1 - good;
                bad += captured - good;
                served += served1;
                final double c = served1 * cost0;
                periodRevenue += served1 * rev0 + good * rGood;
                periodCostSum += c;
                serveCostSum += c;
                wtpSum += served1 * wtpServed;
                priceSum += served1 * ps;
                trust += good * trustGain * (1.0 - trust) - badOutcome * trustLoss * trust;
            }
            episodes += n;
            revenue += periodRevenue;
            cost += periodCostSum;
            margin += (periodRevenue - periodCostSum) * discount[t];
            out[off + OutputLayout.SCALARS + periods + t] += periodRevenue;

            double h = churn0 * (1.0 - trustRetention * trust);
            if (n > 0) {
                h += (churnBad * bad + churnUnrecognised * n) * reciprocal[n];
            }
            if (rng.nextDouble() < h) {
                break;
            }
        }
        finish(s, arrival, t, frac, out, off, margin, revenue, cost, serveCostSum, wtpSum, priceSum,
                episodes, served, 0, 0, 0);
    }

    /**
     * A consenting customer under respond to desire or curated offering: nothing is acted on first,
     * so a need is captured only when she brings it herself, and there is no standing authorisation.
     */
    private void pullCustomer(int s, int arrival, long s0, long s1, double[] out, int off) {
        final XoRoShiRo128PlusPlus rng = new XoRoShiRo128PlusPlus(s0, s1);
        rng.nextLong(); // consent (known: consents)
        final double wtpI = wtp[s] * (1.0 + wtpSpread[s] * (2.0 * rng.nextDouble() - 1.0));
        final double invW = 1.0 / wtpI;

        final int priceRow = s * periods;
        final double pFit = priceFit[s];
        final double rGood = revenueGood[s];
        final double betaS = beta[s];
        final long recT = threshold(recognition);
        final long selfT = threshold(selfInitiation[s]);
        final double frac = rateFrac[s];
        final long fracT = threshold(frac);
        final int floorN = rateFloor[s];
        final double churn0 = baseChurn[s];
        final double periodCost = connectedCost;
        // A price independent of fit: acceptance from the state table's e^-a and a factor per price row.
        final boolean factorisedS = factorised[s];
        final double[] state = stateTable;
        final int stateRow = s * stateStride;
        double priceFactor = 1.0;
        final int top = experience;
        final double thetaTop = theta[top];

        double trust = initialTrust[s];
        int j = 0; // recognised episodes so far: her slot in the state table
        double margin = 0.0;
        double revenue = 0;
        double cost = 0;
        double serveCostSum = 0;
        double wtpSum = 0;
        double priceSum = 0;
        int episodes = 0;
        int served = 0;
        int recognisedCount = 0;
        int t = arrival;

        if (arrival > 0) {
            double acq = acquisitionCost[s];
            margin -= acq * discountStart[arrival];
            cost += acq;
        }

        for (; t < periods; t++) {
            final int tenure = t - arrival;
            final double pa0 = priceAccept[priceRow + tenure];
            if (factorisedS && (tenure == 0 || priceVaries[s])) {
                priceFactor = priceFactor(betaS, pa0, invW);
            }
            final double ps0 = priceSatisfaction[priceRow + tenure];
            final double rev0 = revenueFixed[priceRow + tenure];
            int n = floorN;
            if (frac > 0.0) {
                n += below(rng.nextLong(), fracT);
            }
            double periodRevenue = revenuePerPeriod;
            double periodCostSum = periodCost;
            int bad = 0;
            int unrecognised = 0;
            for (int e = 0; e < n; e++) {
                final int rec = below(rng.nextLong(), recT);
                final int captured = below(rng.nextLong(), selfT);
                final double uAccept = rng.nextDouble();
                final double uGood = rng.nextDouble();

                // Trust gates the experience: the strategy's own, or respond to desire below its threshold.
                final int x = trust < thetaTop ? 0 : top;

                // Fit, effective WTP and serve cost after j recognised episodes (the generic ones in the
                // unrecognised slot) from the state table, built with the operations of this loop.
                final int slot = stateRow + 4 * stateSlot(rec, j, x);
                final double fit = state[slot];
                final double wtpRel = state[slot + 1];
                final double pa = pa0 + pFit * fit;
                final int accepted = factorisedS
                        ? lt(Logistic.weighFactors(uAccept, state[slot + 3], priceFactor), 1.0)
                        : lt(Logistic.weigh(uAccept, alpha + betaS * (wtpRel - pa * invW)), 1.0);
                final int served1 = captured & accepted;
                final double ps = ps0 + pFit * fit;
                final double regret = ps * invW - wtpRel; // Math.max(0, regret) for finite values
                final double q = fit - priceRegret * (regret > 0.0 ? regret : 0.0);
                final int good = served1 & lt(uGood, q);
                final int badOutcome = served1 - good;

                bad += captured - good;
                unrecognised += 1 - rec;
                served += served1;

                final double c = served1 * state[slot + 2];
                periodRevenue += served1 * rev0 + good * rGood;
                periodCostSum += c;
                serveCostSum += c;
                wtpSum += served1 * wtpI * wtpRel;
                priceSum += served1 * ps;
                trust += good * trustGain * (1.0 - trust) - badOutcome * trustLoss * trust;
                j += rec;
            }
            episodes += n;
            recognisedCount += n - unrecognised;
            serveCostSum += periodCost;
            revenue += periodRevenue;
            cost += periodCostSum;
            margin += (periodRevenue - periodCostSum) * discount[t];
            out[off + OutputLayout.SCALARS + periods + t] += periodRevenue;

            double h = churn0 * (1.0 - trustRetention * trust);
            if (n > 0) {
                h += (churnBad * bad + churnUnrecognised * unrecognised) * reciprocal[n];
            }
            if (rng.nextDouble() < h) {
                break;
            }
        }
        finish(s, arrival, t, frac, out, off, margin, revenue, cost, serveCostSum, wtpSum, priceSum,
                episodes, served, recognisedCount, 0, 0);
    }

    /**
     * {@link #unrecognisedCustomer} with exactly one episode per period: the episode loop is the
     * period loop.
     */
    private void unrecognisedSingle(int s, int arrival, long s0, long s1, double[] out, int off) {
        final XoRoShiRo128PlusPlus rng = new XoRoShiRo128PlusPlus(s0, s1);
        rng.nextLong(); // consent (known: does not consent)
        final double wtpI = wtp[s] * (1.0 + wtpSpread[s] * (2.0 * rng.nextDouble() - 1.0));
        final double invW = 1.0 / wtpI;

        final int priceRow = s * periods;
        final boolean tenureDependent = priceVaries[s];
        final double pFit = priceFit[s];
        final double rGood = revenueGood[s];
        final double betaS = beta[s];
        final long selfT = threshold(selfInitiation[s]);
        final double churn0 = baseChurn[s];
        final double cost0 = serveCost[0];
        final double perPeriod = revenuePerPeriod;
        final double[] churnTable = churnAdd;
        double fit = fitUnrecognised[s];
        fit = fit < 0.0 ? 0.0 : (fit > 1.0 ? 1.0 : fit);
        final double wtpRel = 1.0 + fitPremium * (fit - fitBase);
        final double wtpServed = wtpI * wtpRel;

        double trust = initialTrust[s];
        double margin = 0.0;
        double revenue = 0;
        double cost = 0;
        double serveCostSum = 0;
        double wtpSum = 0;
        double priceSum = 0;
        int served = 0;
        int t = arrival;

        if (arrival > 0) {
            double acq = acquisitionCost[s];
            margin -= acq * discountStart[arrival];
            cost += acq;
        }

        long acceptT = 0;
        long goodT = 0;
        double ps = 0;
        double rev0 = 0;
        for (; t < periods; t++) {
            final int tenure = t - arrival;
            if (tenure == 0 || tenureDependent) {
                final double pa0 = priceAccept[priceRow + tenure];
                final double ps0 = priceSatisfaction[priceRow + tenure];
                rev0 = revenueFixed[priceRow + tenure];
                final double pa = pa0 + pFit * fit;
                acceptT = threshold(Logistic.of(alpha + betaS * (wtpRel - pa * invW)));
                ps = ps0 + pFit * fit;
                final double regret = ps * invW - wtpRel;
                goodT = threshold(fit - priceRegret * (regret > 0.0 ? regret : 0.0));
            }
            rng.nextLong(); // recognition (never, without consent)
            final int captured = below(rng.nextLong(), selfT);
            final int served1 = captured & below(rng.nextLong(), acceptT);
            final int good = served1 & below(rng.nextLong(), goodT);
            final int badOutcome = served1 - good;
            served += served1;
            final double c = served1 * cost0;
            final double periodRevenue = perPeriod + (served1 * rev0 + good * rGood);
            final double periodCostSum = 0.0 + c;
            serveCostSum += c;
            wtpSum += served1 * wtpServed;
            priceSum += served1 * ps;
            trust += good * trustGain * (1.0 - trust) - badOutcome * trustLoss * trust;
            revenue += periodRevenue;
            cost += periodCostSum;
            margin += (periodRevenue - periodCostSum) * discount[t];
            out[off + OutputLayout.SCALARS + periods + t] += periodRevenue;

            final double h = churn0 * (1.0 - trustRetention * trust) + churnTable[2 * (captured - good) + 1];
            if (rng.nextDouble() < h) {
                break;
            }
        }
        final int activePeriods = (t < periods ? t + 1 : periods) - arrival;
        finish(s, arrival, t, 0.0, out, off, margin, revenue, cost, serveCostSum, wtpSum, priceSum,
                activePeriods, served, 0, 0, 0);
    }

    /**
     * {@link #pullCustomer} with exactly one episode per period. Fit, effective WTP and serve cost
     * depend only on (recognised, earlier recognised episodes, delivered experience) and are read
     * from the state table; with a constant price the prices relative to her WTP are computed once.
     * Acceptance compares the generator's 53-bit integer with the acceptance probability times 2^53,
     * which is the same comparison as with {@code nextDouble()} without the scaling multiply.
     */
    private void pullSingle(int s, int arrival, long s0, long s1, double[] out, int off) {
        final XoRoShiRo128PlusPlus rng = new XoRoShiRo128PlusPlus(s0, s1);
        rng.nextLong(); // consent (known: consents)
        final double wtpI = wtp[s] * (1.0 + wtpSpread[s] * (2.0 * rng.nextDouble() - 1.0));
        final double invW = 1.0 / wtpI;

        final int priceRow = s * periods;
        final double pFit = priceFit[s];
        final double rGood = revenueGood[s];
        final double betaS = beta[s];
        final long recT = threshold(recognition);
        final long selfT = threshold(selfInitiation[s]);
        final double churn0 = baseChurn[s];
        final double periodCost = connectedCost;
        final double perPeriod = revenuePerPeriod;
        final int top = experience;
        final double thetaTop = theta[top];
        final double[] state = stateTable;
        final int stateRow = s * stateStride;
        // Loop constants in locals rather than fields, and the churn increment by arithmetic rather
        // than from churnAdd: fewer registers pinned to array and object references (same values).
        final double gain = trustGain;
        final double loss = trustLoss;
        final double retention = trustRetention;
        final double churnOnBad = churnBad;
        final double churnOnUnrecognised = churnUnrecognised;
        final boolean fixedPrice = constantPrice[s] && factorised[s];
        // With a constant price, pa = pa0 + pFit * fit = pa0 + 0.0 whatever the fit (fit >= 0), and
        // acceptance is sigma(a - betaS * paW0) with e^-a from the state table.
        final double priceFactor = fixedPrice ? priceFactor(betaS, priceAccept[priceRow], invW) : 1.0;
        final double ps00 = priceSatisfaction[priceRow] + 0.0;
        final double psW0 = ps00 * invW;
        final double rev00 = revenueFixed[priceRow];

        double trust = initialTrust[s];
        int recognisedCount = 0;
        double margin = 0.0;
        double revenue = 0;
        double cost = 0;
        double serveCostSum = 0;
        double wtpSum = 0;
        double priceSum = 0;
        int served = 0;
        int t = arrival;

        if (arrival > 0) {
            double acq = acquisitionCost[s];
            margin -= acq * discountStart[arrival];
            cost += acq;
        }

        for (; t < periods; t++) {
            final int rec = below(rng.nextLong(), recT);
            final int captured = below(rng.nextLong(), selfT);
            final long vAccept = rng.nextLong();
            final double uGood = rng.nextDouble();

            // Trust gates the experience: the strategy's own, or respond to desire below its threshold.
            final int x = trust < thetaTop ? 0 : top;
            final int slot = stateRow + 4 * stateSlot(rec, recognisedCount, x);
            final double fit = state[slot];
            final double wtpRel = state[slot + 1];
            final double serveUnit = state[slot + 2];
            final int accepted;
            final double ps;
            final double psW;
            final double rev0;
            if (fixedPrice) {
                accepted = lt(Logistic.weighFactors((double) (vAccept >>> 11), state[slot + 3], priceFactor), 0x1.0p53);
                ps = ps00;
                psW = psW0;
                rev0 = rev00;
            } else {
                final int i = priceRow + t - arrival;
                final double paW = (priceAccept[i] + pFit * fit) * invW;
                accepted = lt(Logistic.weigh((double) (vAccept >>> 11), alpha + betaS * (wtpRel - paW)), 0x1.0p53);
                ps = priceSatisfaction[i] + pFit * fit;
                psW = ps * invW;
                rev0 = revenueFixed[i];
            }
            final int served1 = captured & accepted;
            final double regret = psW - wtpRel; // Math.max(0, regret) for finite values
            final double q = fit - priceRegret * (regret > 0.0 ? regret : 0.0);
            final int good = served1 & lt(uGood, q);
            final int badOutcome = served1 - good;

            served += served1;
            recognisedCount += rec;

            final double c = served1 * serveUnit;
            final double periodRevenue = perPeriod + (served1 * rev0 + good * rGood);
            final double periodCostSum = periodCost + c;
            serveCostSum = serveCostSum + c + periodCost;
            wtpSum += served1 * wtpI * wtpRel;
            priceSum += served1 * ps;
            trust += good * gain * (1.0 - trust) - badOutcome * loss * trust;
            revenue += periodRevenue;
            cost += periodCostSum;
            margin += (periodRevenue - periodCostSum) * discount[t];
            out[off + OutputLayout.SCALARS + periods + t] += periodRevenue;

            final double h = churn0 * (1.0 - retention * trust) + (churnOnBad * (captured - good) + churnOnUnrecognised * (1 - rec));
            if (rng.nextDouble() < h) {
                break;
            }
        }
        final int activePeriods = (t < periods ? t + 1 : periods) - arrival;
        finish(s, arrival, t, 0.0, out, off, margin, revenue, cost, serveCostSum, wtpSum, priceSum,
                activePeriods, served, recognisedCount, 0, 0);
    }

    /**
     * A consenting customer under coach behavior or automatic execution: the general loop. Decisions
     * are computed as 0/1 integers and blended arithmetically, so the unpredictable outcomes
     * (recognised, accepted, good) cost no mispredicted branches.
     */
    private void fullCustomer(int s, int arrival, long s0, long s1, double[] out, int off) {
        final XoRoShiRo128PlusPlus rng = new XoRoShiRo128PlusPlus(s0, s1);
        rng.nextLong(); // consent (known: consents)
        final double wtpI = wtp[s] * (1.0 + wtpSpread[s] * (2.0 * rng.nextDouble() - 1.0));
        final double invW = 1.0 / wtpI;

        final int priceRow = s * periods;
        final double pFit = priceFit[s];
        final double rGood = revenueGood[s];
        final double betaS = beta[s];
        final double pRec = recognition;
        final double pSelf = selfInitiation[s];
        final double actGain = react * (1.0 - pSelf);
        final double frac = rateFrac[s];
        final int floorN = rateFloor[s];
        final double churn0 = baseChurn[s];
        final double periodCost = connectedCost;
        // A price independent of fit: acceptance from the state table's e^-a and a factor per price row.
        final boolean factorisedS = factorised[s];
        final double[] state = stateTable;
        final int stateRow = s * stateStride;
        double priceFactor = 1.0;

        double trust = initialTrust[s];
        int j = 0; // recognised episodes so far: her slot in the state table
        int authorisation = 0; // 0 none, 1 granted, 2 withdrawn
        double margin = 0.0;
        double revenue = 0;
        double cost = 0;
        double serveCostSum = 0;
        double wtpSum = 0;
        double priceSum = 0;
        int episodes = 0;
        int served = 0;
        int recognisedCount = 0;
        int autoExecuted = 0;
        int withdrawals = 0;
        int t = arrival;

        if (arrival > 0) {
            double acq = acquisitionCost[s];
            margin -= acq * discountStart[arrival];
            cost += acq;
        }

        for (; t < periods; t++) {
            final int tenure = t - arrival;
            final double pa0 = priceAccept[priceRow + tenure];
            if (factorisedS && (tenure == 0 || priceVaries[s])) {
                priceFactor = priceFactor(betaS, pa0, invW);
            }
            final double ps0 = priceSatisfaction[priceRow + tenure];
            final double rev0 = revenueFixed[priceRow + tenure];
            int n = floorN;
            if (frac > 0.0) {
                n += lt(rng.nextDouble(), frac);
            }
            double periodRevenue = revenuePerPeriod;
            double periodCostSum = periodCost;
            int bad = 0;
            int unrecognised = 0;
            for (int e = 0; e < n; e++) {
                final double uRec = rng.nextDouble();
                final double uCapture = rng.nextDouble();
                final double uAccept = rng.nextDouble();
                final double uGood = rng.nextDouble();

                // Trust (and for automatic execution the standing authorisation) gate the experience.
                if (authorisation == 0 && trust >= theta[AUTO]) {
                    authorisation = 1;
                }
                int x = experience;
                while (x > 0 && (trust < theta[x] || (x == AUTO && authorisation != 1))) {
                    x--;
                }
                // Recognize; under coach behavior and automatic execution a recognised need can be
                // acted on first (probability react), otherwise the customer must bring it herself.
                final int rec = lt(uRec, pRec);
                final int act = x >= COACH ? rec : 0;
                final int firstMove = act & lt(uCapture, react);
                final int captured = lt(uCapture, pSelf + act * actGain);
                final int executed = x == AUTO ? firstMove : 0;

                // Request / respond: fit, effective WTP relative to the customer's base WTP, acceptance.
                // Fit, effective WTP and serve cost after j recognised episodes (the generic ones in the
                // unrecognised slot) from the state table, built with the operations of this loop.
                final int slot = stateRow + 4 * stateSlot(rec, j, x);
                final double fit = state[slot];
                final double wtpRel = state[slot + 1];
                final double pa = pa0 + pFit * fit;
                final int accepted = factorisedS
                        ? lt(Logistic.weighFactors(uAccept, state[slot + 3], priceFactor), 1.0)
                        : lt(Logistic.weigh(uAccept, alpha + betaS * (wtpRel - pa * invW)), 1.0);
                final int served1 = captured & (executed | accepted);
                final double ps = ps0 + pFit * fit;
                final double q = fit - priceRegret * Math.max(0.0, ps * invW - wtpRel);
                final int good = served1 & lt(uGood, q);
                final int badOutcome = served1 - good;
                // Reuse uGood: given a bad outcome, (uGood - q+) / (1 - q+) is uniform on [0, 1) with q+ = max(q, 0)
                // (q < 0 is never good), so the withdrawal has probability `withdrawal` after every bad outcome.
                // A ternary, not fullSingle's Math.max: in A/B runs against 1.1.0 Math.max made this loop 10 % slower, the ternary 0-2 %.
                final double qPos = q > 0.0 ? q : 0.0;
                final int withdraw = executed & badOutcome & lt(uGood - qPos, withdrawal * (1.0 - qPos));

                bad += captured - good;
                unrecognised += 1 - rec;
                served += served1;
                autoExecuted += executed;
                withdrawals += withdraw;
                authorisation = withdraw != 0 ? 2 : authorisation;

                final double c = served1 * state[slot + 2];
                periodRevenue += served1 * rev0 + good * rGood;
                periodCostSum += c;
                serveCostSum += c;
                wtpSum += served1 * wtpI * wtpRel;
                priceSum += served1 * ps;
                // Repeat: trust moves with the outcome; every recognised episode teaches the firm about
                // the customer, with diminishing returns.
                trust += good * trustGain * (1.0 - trust) - badOutcome * trustLoss * trust;
                j += rec;
            }
            episodes += n;
            recognisedCount += n - unrecognised;
            serveCostSum += periodCost;
            revenue += periodRevenue;
            cost += periodCostSum;
            margin += (periodRevenue - periodCostSum) * discount[t];
            out[off + OutputLayout.SCALARS + periods + t] += periodRevenue;

            // Churn at the end of the period.
            double h = churn0 * (1.0 - trustRetention * trust);
            if (n > 0) {
                h += (churnBad * bad + churnUnrecognised * unrecognised) * reciprocal[n];
            }
            if (rng.nextDouble() < h) {
                break;
            }
        }
        finish(s, arrival, t, frac, out, off, margin, revenue, cost, serveCostSum, wtpSum, priceSum,
                episodes, served, recognisedCount, autoExecuted, withdrawals);
    }

    /**
     * {@link #fullCustomer} with exactly one episode per period: the episode loop is the period loop,
     * fit, effective WTP and serve cost come from the state table and the churn increment from a
     * 4-entry table.
     */
    private void fullSingle(int s, int arrival, long s0, long s1, double[] out, int off) {
        final XoRoShiRo128PlusPlus rng = new XoRoShiRo128PlusPlus(s0, s1);
        rng.nextLong(); // consent (known: consents)
        final double wtpI = wtp[s] * (1.0 + wtpSpread[s] * (2.0 * rng.nextDouble() - 1.0));
        final double invW = 1.0 / wtpI;

        final int priceRow = s * periods;
        final double pFit = priceFit[s];
        final double rGood = revenueGood[s];
        final double betaS = beta[s];
        final double pRec = recognition;
        final double pSelf = selfInitiation[s];
        final double actGain = react * (1.0 - pSelf);
        final double churn0 = baseChurn[s];
        final double periodCost = connectedCost;
        final double perPeriod = revenuePerPeriod;
        final double[] state = stateTable;
        final int stateRow = s * stateStride;
        final double[] churnTable = churnAdd;
        final boolean fixedPrice = constantPrice[s] && factorised[s];
        final double priceFactor = fixedPrice ? priceFactor(betaS, priceAccept[priceRow], invW) : 1.0;

        double trust = initialTrust[s];
        int authorisation = 0; // 0 none, 1 granted, 2 withdrawn
        double margin = 0.0;
        double revenue = 0;
        double cost = 0;
        double serveCostSum = 0;
        double wtpSum = 0;
        double priceSum = 0;
        int served = 0;
        int recognisedCount = 0;
        int autoExecuted = 0;
        int withdrawals = 0;
        int t = arrival;

        if (arrival > 0) {
            double acq = acquisitionCost[s];
            margin -= acq * discountStart[arrival];
            cost += acq;
        }

        for (; t < periods; t++) {
            final int i = priceRow + t - arrival;
            final double uRec = rng.nextDouble();
            final double uCapture = rng.nextDouble();
            final double uAccept = rng.nextDouble();
            final double uGood = rng.nextDouble();

            // Trust (and for automatic execution the standing authorisation) gate the experience.
            if (authorisation == 0 && trust >= theta[AUTO]) {
                authorisation = 1;
            }
            int x = experience;
            while (x > 0 && (trust < theta[x] || (x == AUTO && authorisation != 1))) {
                x--;
            }
            final int rec = lt(uRec, pRec);
            final int act = x >= COACH ? rec : 0;
            final int firstMove = act & lt(uCapture, react);
            final int captured = lt(uCapture, pSelf + act * actGain);
            final int executed = x == AUTO ? firstMove : 0;

            final int slot = stateRow + 4 * stateSlot(rec, recognisedCount, x);
            final double fit = state[slot];
            final double wtpRel = state[slot + 1];
            final double serveUnit = state[slot + 2];
            final int accepted;
            if (fixedPrice) {
                accepted = lt(Logistic.weighFactors(uAccept, state[slot + 3], priceFactor), 1.0);
            } else {
                final double pa = priceAccept[i] + pFit * fit;
                accepted = lt(Logistic.weigh(uAccept, alpha + betaS * (wtpRel - pa * invW)), 1.0);
            }
            final int served1 = captured & (executed | accepted);
            final double ps = priceSatisfaction[i] + pFit * fit;
            final double q = fit - priceRegret * Math.max(0.0, ps * invW - wtpRel);
            final int good = served1 & lt(uGood, q);
            final int badOutcome = served1 - good;
            // Reuse uGood: given a bad outcome, (uGood - q+) / (1 - q+) is uniform on [0, 1) with q+ = max(q, 0)
            // (q < 0 is never good), so the withdrawal has probability `withdrawal` after every bad outcome.
            // Math.max, not fullCustomer's ternary: in A/B runs against 1.1.0 this loop was 12-18 % faster with it, 4 % slower with the ternary.
            final double qPos = Math.max(q, 0.0);
            final int withdraw = executed & badOutcome & lt(uGood - qPos, withdrawal * (1.0 - qPos));

            served += served1;
            recognisedCount += rec;
            autoExecuted += executed;
            withdrawals += withdraw;
            authorisation = withdraw != 0 ? 2 : authorisation;

            final double c = served1 * serveUnit;
            final double periodRevenue = perPeriod + (served1 * revenueFixed[i] + good * rGood);
            final double periodCostSum = periodCost + c;
            serveCostSum = serveCostSum + c + periodCost;
            wtpSum += served1 * wtpI * wtpRel;
            priceSum += served1 * ps;
            trust += good * trustGain * (1.0 - trust) - badOutcome * trustLoss * trust;
            revenue += periodRevenue;
            cost += periodCostSum;
            margin += (periodRevenue - periodCostSum) * discount[t];
            out[off + OutputLayout.SCALARS + periods + t] += periodRevenue;

            // Churn at the end of the period.
            final double h = churn0 * (1.0 - trustRetention * trust) + churnTable[2 * (captured - good) + 1 - rec];
            if (rng.nextDouble() < h) {
                break;
            }
        }
        final int activePeriods = (t < periods ? t + 1 : periods) - arrival;
        finish(s, arrival, t, 0.0, out, off, margin, revenue, cost, serveCostSum, wtpSum, priceSum,
                activePeriods, served, recognisedCount, autoExecuted, withdrawals);
    }

    /**
     * Adds one customer's totals. {@code last} is the period in which she churned, or {@code periods}
     * when she stayed to the horizon; her draw count follows from the fixed schedule (2 at arrival,
     * per active period one for a fractional episode count when needed and one for churn, four per
     * episode).
     */
    private void finish(int s, int arrival, int last, double frac, double[] out, int off, double margin, double revenue,
                        double cost, double serveCostSum, double wtpSum, double priceSum, int episodes, int served,
                        int recognisedCount, int autoExecuted, int withdrawals) {
        // Kept under the JIT's inlining size (325 bytecodes, with the two helpers), so the loops do
        // not pay a 17-argument call per customer.
        final boolean active = last >= periods;
        final int activePeriods = (active ? periods : last + 1) - arrival;
        final long draws = 2 + (long) activePeriods * (frac > 0.0 ? 2 : 1) + 4L * episodes;
        countActive(out, off, arrival, last, active);
        out[off + OutputLayout.NPV] += margin;
        out[off + OutputLayout.REVENUE] += revenue;
        out[off + OutputLayout.COST] += cost;
        out[off + OutputLayout.EPISODES] += episodes;
        out[off + OutputLayout.SERVED] += served;
        out[off + OutputLayout.RECOGNISED] += recognisedCount;
        out[off + OutputLayout.ACTIVE_END] += active ? 1.0 : 0.0;
        out[off + OutputLayout.CUSTOMERS] += 1.0;
        out[off + OutputLayout.WTP_SUM] += wtpSum;
        out[off + OutputLayout.SERVE_COST] += serveCostSum;
        out[off + OutputLayout.ACTIVE_PERIODS] += activePeriods;
        out[off + OutputLayout.DRAWS] += draws;
        out[off + OutputLayout.AUTO_EXECUTED] += autoExecuted;
        out[off + OutputLayout.WITHDRAWALS] += withdrawals;
        addSegment(out, off + layout.segment(s, 0), margin, priceSum, served);
    }

    /** Active customers per period as differences: +1 at arrival, −1 after the period of churn. */
    private void countActive(double[] out, int off, int arrival, int last, boolean active) {
        out[off + OutputLayout.SCALARS + arrival] += 1.0;
        if (!active && last + 1 < periods) {
            out[off + OutputLayout.SCALARS + last + 1] -= 1.0;
        }
    }

    private static void addSegment(double[] out, int seg, double margin, double priceSum, int served) {
        out[seg + OutputLayout.SEG_MARGIN] += margin;
        out[seg + OutputLayout.SEG_PRICE_SUM] += priceSum;
        out[seg + OutputLayout.SEG_SERVED] += served;
    }
}
