package org.cstrat.sim.model;

import java.util.List;
import java.util.SplittableRandom;
import org.cstrat.framework.Experience;
import org.cstrat.framework.PersonalisationLevel;

/**
 * The model of {@code simulations/README.md} ("The model", "Billing models"), written once as one plain loop: slow,
 * obvious and unspecialised, with one method per formula named after the README's equation. It shares no code with
 * {@link CompiledStrategy} but the parameter records and {@link OutputLayout}'s indices (where each output goes),
 * and draws its own random numbers ({@link SplittableRandom}), only the decisions a customer actually meets, each
 * from its own uniform. {@link ReferenceModelTest} checks every fast path of the engine against it statistically.
 *
 * <p>Where the README leaves a detail to the engine (the draw schedule), this class follows the README's
 * "Reproducibility" section for the draw count only; the decisions do not depend on it.
 */
final class ReferenceModel {
    private final ModelParameters p;
    private final Strategy strategy;
    private final Behaviour b;
    private final Costs c;
    private final OutputLayout layout;
    private final int T;
    private final Experience experience;
    private final PersonalisationLevel level;
    /** r̄, the customer-weighted mean episode rate of the quantity indicator. */
    private final double meanRate;
    /** (1 + discountRate)^−(t+1) and (1 + discountRate)^−t by period, computed once (Math.pow per period is most of the run time). */
    private final double[] periodDiscount;
    private final double[] arrivalDiscount;

    ReferenceModel(ModelParameters parameters, Strategy strategy) {
        this.p = parameters;
        this.strategy = strategy;
        this.b = parameters.behaviour();
        this.c = parameters.costs();
        this.T = parameters.periods();
        this.layout = new OutputLayout(T, parameters.segments().size());
        this.experience = strategy.experience();
        this.level = strategy.personalisationLevel();
        this.meanRate = meanEpisodeRate(parameters.segments());
        this.periodDiscount = new double[T];
        this.arrivalDiscount = new double[T];
        for (int t = 0; t < T; t++) {
            periodDiscount[t] = Math.pow(1 + p.discountRate(), -(t + 1));
            arrivalDiscount[t] = Math.pow(1 + p.discountRate(), -t);
        }
    }

    /** One replication of the whole population: the outputs in {@link OutputLayout}'s order. */
    double[] replicate(SplittableRandom random) {
        double[] out = new double[layout.stride()];
        List<Segment> segments = p.segments();
        for (int s = 0; s < segments.size(); s++) {
            Segment seg = segments.get(s);
            // N_s customers at t = 0, A_s arriving at the start of every later period.
            for (int i = 0; i < seg.initialCustomers(); i++) {
                customer(s, seg, 0, random, out);
            }
            for (int arrival = 1; arrival < T; arrival++) {
                for (int i = 0; i < seg.newCustomersPerPeriod(); i++) {
                    customer(s, seg, arrival, random, out);
                }
            }
        }
        // "The strategy adds investment at time 0 and fixedCostPerPeriod in each of the T periods."
        out[OutputLayout.NPV] -= strategy.investment();
        out[OutputLayout.COST] += strategy.investment();
        for (int t = 0; t < T; t++) {
            out[OutputLayout.NPV] -= strategy.fixedCostPerPeriod() * periodDiscount(t);
            out[OutputLayout.COST] += strategy.fixedCostPerPeriod();
        }
        return out;
    }

    private enum Authorisation { NONE, GRANTED, WITHDRAWN }

    /** Follows one customer from her arrival until she churns or the horizon ends. */
    private void customer(int s, Segment seg, int arrival, SplittableRandom random, double[] out) {
        // At arrival: consent and base willingness to pay.
        boolean consents = random.nextDouble() < consentProbability(seg);
        double w = baseWtp(seg, random.nextDouble());
        double trust = seg.initialTrust();
        double knowledge = 0.0;
        Authorisation authorisation = Authorisation.NONE;

        double margin = 0.0;      // discounted, for NPV and CLV
        double revenue = 0.0;     // undiscounted
        double cost = 0.0;        // undiscounted
        double serveCost = 0.0;   // fulfilment + connected + level, undiscounted
        int episodes = 0;
        int served = 0;
        int recognisedCount = 0;
        int autoExecuted = 0;
        int withdrawals = 0;
        double wtpSum = 0.0;
        double priceSum = 0.0;
        int activePeriods = 0;
        long draws = 2;
        boolean churned = false;

        if (arrival > 0) {
            margin -= seg.acquisitionCost() * arrivalDiscount(arrival);
            cost += seg.acquisitionCost();
        }
        for (int t = arrival; t < T && !churned; t++) {
            int tenure = t - arrival;
            activePeriods++;
            out[layout.activeAt(t)] += 1;
            double fractional = seg.episodeRate() - Math.floor(seg.episodeRate());
            int n = (int) Math.floor(seg.episodeRate());
            if (fractional > 0) {
                draws++;
                if (random.nextDouble() < fractional) {
                    n++;
                }
            }
            double periodRevenue = perPeriodRevenue();
            double periodCost = consents ? connectedCostPerPeriod() : 0.0;
            serveCost += periodCost;
            int declinedOrBad = 0;
            int unrecognised = 0;
            for (int e = 0; e < n; e++) {
                draws += 4;
                // 1. Gating by trust (authorisation first, then the step-down).
                if (consents && authorisation == Authorisation.NONE && trust >= b.trustThreshold().automaticExecution()) {
                    authorisation = Authorisation.GRANTED;
                }
                Experience x = delivered(trust, authorisation);
                // 2. Recognize, and who moves first.
                boolean recognised = consents && random.nextDouble() < recognitionProbability();
                boolean firmCanAct = recognised && (x == Experience.COACH_BEHAVIOR || x == Experience.AUTOMATIC_EXECUTION);
                boolean actedFirst = firmCanAct && random.nextDouble() < p.star().react();
                boolean captured = actedFirst || random.nextDouble() < seg.selfInitiation();
                boolean executedAutomatically = actedFirst && x == Experience.AUTOMATIC_EXECUTION;
                // 3. Fit (knowledge before this episode).
                double f = recognised ? recognisedFit(seg, x, knowledge) : genericFit(seg);
                if (captured) {
                    // 4. Acceptance.
                    double wEff = effectiveWtp(w, f);
                    double price = acceptancePrice(seg, tenure, f);
                    boolean accepted = random.nextDouble() < acceptanceProbability(seg, w, wEff, price);
                    boolean isServed = executedAutomatically || accepted;
                    if (!isServed) {
                        declinedOrBad++;
                    } else {
                        // 5. Outcome.
                        double felt = satisfactionPrice(seg, tenure, f);
                        boolean good = random.nextDouble() < goodProbability(f, w, wEff, felt);
                        if (good) {
                            trust = trustAfterGood(trust);
                        } else {
                            trust = trustAfterBad(trust);
                            declinedOrBad++;
                            if (executedAutomatically && random.nextDouble() < b.withdrawalProbability()) {
                                authorisation = Authorisation.WITHDRAWN;
                                withdrawals++;
                            }
                        }
                        served++;
                        if (executedAutomatically) {
                            autoExecuted++;
                        }
                        double episodeRevenue = revenuePerServedEpisode(seg, tenure) + (good ? revenuePerGoodEpisode(seg) : 0.0);
                        double fulfilment = recognised ? fulfilmentCost(x, knowledge) : fulfilmentCost(Experience.RESPOND_TO_DESIRE, 0.0);
                        periodRevenue += episodeRevenue;
                        periodCost += fulfilment;
                        serveCost += fulfilment;
                        wtpSum += wEff;
                        priceSum += felt;
                    }
                }
                // 6. Repeat: every recognised episode teaches, served or not.
                if (recognised) {
                    recognisedCount++;
                    knowledge = learn(knowledge);
                } else {
                    unrecognised++;
                }
            }
            episodes += n;
            revenue += periodRevenue;
            cost += periodCost;
            margin += (periodRevenue - periodCost) * periodDiscount(t);
            out[layout.revenueAt(t)] += periodRevenue;
            // Churn at the end of the period.
            draws++;
            churned = random.nextDouble() < churnHazard(seg, trust, n, declinedOrBad, unrecognised);
        }
        out[OutputLayout.NPV] += margin;
        out[OutputLayout.REVENUE] += revenue;
        out[OutputLayout.COST] += cost;
        out[OutputLayout.EPISODES] += episodes;
        out[OutputLayout.SERVED] += served;
        out[OutputLayout.RECOGNISED] += recognisedCount;
        out[OutputLayout.ACTIVE_END] += churned ? 0 : 1;
        out[OutputLayout.CUSTOMERS] += 1;
        out[OutputLayout.WTP_SUM] += wtpSum;
        out[OutputLayout.SERVE_COST] += serveCost;
        out[OutputLayout.ACTIVE_PERIODS] += activePeriods;
        out[OutputLayout.DRAWS] += draws;
        out[OutputLayout.AUTO_EXECUTED] += autoExecuted;
        out[OutputLayout.WITHDRAWALS] += withdrawals;
        out[layout.segment(s, OutputLayout.SEG_MARGIN)] += margin;
        out[layout.segment(s, OutputLayout.SEG_PRICE_SUM)] += priceSum;
        out[layout.segment(s, OutputLayout.SEG_SERVED)] += served;
    }

    // ---- At arrival ----

    /** consent ~ Bernoulli(dataSharing_s · (1 − privacySensitivity_s · intrusiveness_e)). */
    private double consentProbability(Segment seg) {
        return seg.dataSharing() * (1 - seg.privacySensitivity() * b.intrusiveness().get(experience));
    }

    /** w_i = WTP_s · (1 + wtpSpread_s · (2U − 1)). */
    private static double baseWtp(Segment seg, double u) {
        return seg.willingnessToPay() * (1 + seg.wtpSpread() * (2 * u - 1));
    }

    // ---- Step 1: gating by trust ----

    /**
     * The strategy's experience stepped down (automatic → coach → curated → respond) until τ ≥ trustThreshold_x;
     * automatic execution also needs a granted standing authorisation; respond to desire is the floor.
     */
    private Experience delivered(double trust, Authorisation authorisation) {
        Experience x = experience;
        while (x != Experience.RESPOND_TO_DESIRE) {
            boolean trusted = trust >= b.trustThreshold().get(x);
            boolean authorised = x != Experience.AUTOMATIC_EXECUTION || authorisation == Authorisation.GRANTED;
            if (trusted && authorised) {
                return x;
            }
            x = Experience.values()[x.ordinal() - 1];
        }
        return x;
    }

    // ---- Step 2: recognize ----

    /** sense · transmit · analyze. */
    private double recognitionProbability() {
        return p.star().sense() * p.star().transmit() * p.star().analyze();
    }

    // ---- Step 3: fit ----

    /** f = fitBase + levelFitUplift_L + experienceFit_x + preferenceWeight · (preference_s,x − 0.5) + knowledgeFitWeight · levelKnowledgeUse_L · k, clamped to [0, 1]. */
    private double recognisedFit(Segment seg, Experience x, double k) {
        double f = b.fitBase() + b.levelFitUplift().get(level) + b.experienceFit().get(x)
                + b.preferenceWeight() * (seg.preference().get(x) - 0.5)
                + b.knowledgeFitWeight() * b.levelKnowledgeUse().get(level) * k;
        return clamp01(f);
    }

    /** f = fitBase + experienceFit_respond + preferenceWeight · (preference_s,respond − 0.5), clamped to [0, 1]. */
    private double genericFit(Segment seg) {
        Experience r = Experience.RESPOND_TO_DESIRE;
        return clamp01(b.fitBase() + b.experienceFit().get(r) + b.preferenceWeight() * (seg.preference().get(r) - 0.5));
    }

    private static double clamp01(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    // ---- Step 4: acceptance ----

    /** w_eff = w_i · (1 + fitPremium · (f − fitBase)). */
    private double effectiveWtp(double w, double f) {
        return w * (1 + b.fitPremium() * (f - b.fitBase()));
    }

    /** P(accept) = σ(acceptanceIntercept + priceSensitivity_s · (w_eff − π) / w_i). */
    private double acceptanceProbability(Segment seg, double w, double wEff, double price) {
        return sigmoid(b.acceptanceIntercept() + seg.priceSensitivity() * (wEff - price) / w);
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    // ---- Step 5: outcome and trust ----

    /** q = f − priceRegret · max(0, (π_sat − w_eff) / w_i). */
    private double goodProbability(double f, double w, double wEff, double felt) {
        return f - b.priceRegret() * Math.max(0.0, (felt - wEff) / w);
    }

    /** τ ← τ + trustGain · (1 − τ). */
    private double trustAfterGood(double trust) {
        return trust + b.trustGain() * (1 - trust);
    }

    /** τ ← τ · (1 − trustLoss). */
    private double trustAfterBad(double trust) {
        return trust * (1 - b.trustLoss());
    }

    // ---- Step 6: learning ----

    /** k ← k + λ_L · (1 − k), λ_L = min(1, learningRate · levelLearningMultiplier_L). */
    private double learn(double k) {
        double lambda = Math.min(1.0, b.learningRate() * b.levelLearningMultiplier().get(level));
        return k + lambda * (1 - k);
    }

    // ---- Churn ----

    /** h = baseChurn_s · (1 − trustRetention · τ) + churnBadEpisodes · n_b/n + churnUnrecognised · n_u/n (first term only when n = 0). */
    private double churnHazard(Segment seg, double trust, int n, int declinedOrBad, int unrecognised) {
        double h = seg.baseChurn() * (1 - b.trustRetention() * trust);
        if (n > 0) {
            h += b.churnBadEpisodes() * declinedOrBad / (double) n + b.churnUnrecognised() * unrecognised / (double) n;
        }
        return h;
    }

    // ---- Cash flows ----

    /** perEpisode · fulfilmentCostShare · experienceCostFactor_x · (1 − knowledgeCostReduction · k). */
    private double fulfilmentCost(Experience x, double k) {
        return c.perEpisode() * strategy.fulfilmentCostShare() * c.experienceCostFactor().get(x) * (1 - c.knowledgeCostReduction() * k);
    }

    /** connectedPerCustomerPeriod + levelPerCustomerPeriod_L, for a consenting active customer. */
    private double connectedCostPerPeriod() {
        return c.connectedPerCustomerPeriod() + c.levelPerCustomerPeriod().get(level);
    }

    /** (1 + discountRate)^−(t+1) for a flow in period t. */
    private double periodDiscount(int t) {
        return periodDiscount[t];
    }

    /** (1 + discountRate)^−t for an acquisition at arrival in period t. */
    private double arrivalDiscount(int t) {
        return arrivalDiscount[t];
    }

    // ---- Billing models (README table "Billing models") ----

    /** π: the price the customer weighs when accepting. */
    private double acceptancePrice(Segment seg, int tenure, double f) {
        BillingModel m = strategy.billing();
        if (m instanceof BillingModel.FlatPrice fp) {
            return fp.price();
        } else if (m instanceof BillingModel.PersonalisedPricing pp) {
            return pp.basePrice() * guardedMultiplier(pp, seg, tenure);
        } else if (m instanceof BillingModel.OutcomeSharing os) {
            return os.feePerEpisode() + os.share() * seg.valuePerEpisode() * f;
        } else if (m instanceof BillingModel.ThirdPartyPays) {
            return 0.0;
        } else if (m instanceof BillingModel.PayPerUse ppu) {
            return ppu.pricePerUnit() * seg.usagePerEpisode();
        } else if (m instanceof BillingModel.Subscription sub) {
            return sub.pricePerUnit() * seg.usagePerEpisode();
        } else if (m instanceof BillingModel.Commission cm) {
            return cm.transactionValue();
        }
        throw new IllegalArgumentException("billing: unknown model " + m);
    }

    /** π_sat: the price she feels she paid. */
    private double satisfactionPrice(Segment seg, int tenure, double f) {
        if (strategy.billing() instanceof BillingModel.Subscription sub) {
            double share = seg.episodeRate() > 0 ? sub.feePerPeriod() / seg.episodeRate() : 0.0;
            return sub.pricePerUnit() * seg.usagePerEpisode() + share;
        }
        return acceptancePrice(seg, tenure, f);
    }

    /** Revenue per served episode (the fixed part). */
    private double revenuePerServedEpisode(Segment seg, int tenure) {
        BillingModel m = strategy.billing();
        if (m instanceof BillingModel.OutcomeSharing os) {
            return os.feePerEpisode();
        } else if (m instanceof BillingModel.ThirdPartyPays tp) {
            return tp.perEpisode();
        } else if (m instanceof BillingModel.Subscription sub) {
            return sub.pricePerUnit() * seg.usagePerEpisode();
        } else if (m instanceof BillingModel.Commission cm) {
            return cm.rate() * cm.transactionValue();
        }
        return acceptancePrice(seg, tenure, 0.0); // flat, personalised, pay per use: revenue = the price
    }

    /** Revenue paid only for a good episode: share · valuePerEpisode_s under outcome sharing. */
    private double revenuePerGoodEpisode(Segment seg) {
        return strategy.billing() instanceof BillingModel.OutcomeSharing os ? os.share() * seg.valuePerEpisode() : 0.0;
    }

    /** Revenue per active customer-period: the subscription fee, or third parties' perActiveCustomer. */
    private double perPeriodRevenue() {
        BillingModel m = strategy.billing();
        if (m instanceof BillingModel.Subscription sub) {
            return sub.feePerPeriod();
        } else if (m instanceof BillingModel.ThirdPartyPays tp) {
            return tp.perActiveCustomer();
        }
        return 0.0;
    }

    /** The personalised-pricing multiplier m by indicator, clamped into [1/√fairnessCap, √fairnessCap]. */
    private double guardedMultiplier(BillingModel.PersonalisedPricing pp, Segment seg, int tenure) {
        double m = switch (pp.indicator()) {
            case QUANTITY -> meanRate == 0 ? 1.0 : 1 - pp.slope() * (seg.episodeRate() / meanRate - 1);
            case LOYALTY -> 1 - pp.slope() * Math.min(tenure / pp.loyaltyHorizon(), 1.0);
            case TIME -> 1 + pp.slope() * (2 * seg.peakShare() - 1);
            case RISK -> 1 + pp.slope() * (seg.riskScore() - 1);
        };
        double cap = Math.sqrt(pp.fairnessCap());
        return Math.max(1 / cap, Math.min(cap, m));
    }

    /** r̄ = Σ_s (N_s + A_s · (T − 1)) · r_s / Σ_s (N_s + A_s · (T − 1)). */
    private double meanEpisodeRate(List<Segment> segments) {
        double customers = 0;
        double weighted = 0;
        for (Segment s : segments) {
            double count = s.initialCustomers() + (double) s.newCustomersPerPeriod() * (T - 1);
            customers += count;
            weighted += count * s.episodeRate();
        }
        return customers > 0 ? weighted / customers : 0.0;
    }
}
