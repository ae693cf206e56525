package org.cstrat.sim.model;

/**
 * Behavioural coefficients of the 4 Rs shared by all segments. See the README for the equations
 * in which each one appears.
 */
public record Behaviour(
        @Param(value = "logit of acceptance when the price the customer weighs equals her effective willingness to pay", unit = "logit", min = -50, max = 50)
        double acceptanceIntercept,
        @Param(value = "reference fit (of fitPremium) and base of every fit; an unrecognised episode gets the generic fit fitBase + experienceFit.respondToDesire + preferenceWeight (preference.respondToDesire - 0.5)", unit = "fit in [0,1]", min = 0, max = 1)
        double fitBase,
        @Param(value = "fit added by each personalisation level when the customer is recognised", unit = "fit", min = 0, max = 1)
        LevelValues levelFitUplift,
        @Param(value = "fit added by complete knowledge of the customer (k = 1) at full use", unit = "fit", min = 0, max = 1)
        double knowledgeFitWeight,
        @Param(value = "share of the learned knowledge each personalisation level can use", unit = "share", min = 0, max = 1)
        LevelValues levelKnowledgeUse,
        @Param(value = "learning rate: after every recognised episode (served, declined or not captured alike) k <- k + lambda (1 - k), with lambda = min(1, learningRate x levelLearningMultiplier)", unit = "share per episode", min = 0, max = 1)
        double learningRate,
        @Param(value = "multiplier of the learning rate at each personalisation level (feedback learns faster)", unit = "factor", min = 0, max = 10)
        LevelValues levelLearningMultiplier,
        @Param(value = "fit added by the experience itself when delivered", unit = "fit", min = -1, max = 1)
        ExperienceValues experienceFit,
        @Param(value = "weight of the segment's preference for the delivered experience, centred on 0.5", unit = "fit", min = 0, max = 1)
        double preferenceWeight,
        @Param(value = "relative willingness-to-pay uplift per unit of fit above the reference fit", unit = "1/fit", min = 0, max = 10)
        double fitPremium,
        @Param(value = "drop of the probability of a good episode per unit of relative overpayment max(0, (felt price - effective WTP) / w_i), w_i the customer's base WTP", unit = "probability", min = 0, max = 10)
        double priceRegret,
        @Param(value = "trust gained after a good episode, as a share of the distance to 1", unit = "share", min = 0, max = 1)
        double trustGain,
        @Param(value = "trust lost after a bad episode, as a share of current trust", unit = "share", min = 0, max = 1)
        double trustLoss,
        @Param(value = "trust an experience needs before the firm may deliver it; below it the firm steps down (automatic, coach, curated, respond). Respond to desire is always delivered: its value is not used", unit = "trust in [0,1]", min = 0, max = 1)
        ExperienceValues trustThreshold,
        @Param(value = "how much the experience asks of the customer's data; lowers consent by privacySensitivity x intrusiveness", unit = "share", min = 0, max = 1)
        ExperienceValues intrusiveness,
        @Param(value = "extra churn probability per period, scaled by the share of the period's episodes that were captured but declined or bad (an episode not captured does not count)", unit = "probability/period", min = 0, max = 1)
        double churnBadEpisodes,
        @Param(value = "extra churn probability per period, scaled by the share of the period's episodes not recognised ('treated as a number')", unit = "probability/period", min = 0, max = 1)
        double churnUnrecognised,
        @Param(value = "share of the base churn removed at full trust", unit = "share", min = 0, max = 1)
        double trustRetention,
        @Param(value = "probability that a bad episode executed automatically (acted on first under the standing authorisation, without acceptance) makes the customer withdraw the authorisation for good; a bad episode she raised herself and accepted does not count, even while automatic execution is delivered", unit = "probability", min = 0, max = 1)
        double withdrawalProbability) {

    public Behaviour {
        Checks.range("behaviour.acceptanceIntercept", acceptanceIntercept, -50, 50);
        Checks.probability("behaviour.fitBase", fitBase);
        Checks.present("behaviour.levelFitUplift", levelFitUplift).check("behaviour.levelFitUplift", 0, 1);
        Checks.probability("behaviour.knowledgeFitWeight", knowledgeFitWeight);
        Checks.present("behaviour.levelKnowledgeUse", levelKnowledgeUse).check("behaviour.levelKnowledgeUse", 0, 1);
        Checks.probability("behaviour.learningRate", learningRate);
        Checks.present("behaviour.levelLearningMultiplier", levelLearningMultiplier).check("behaviour.levelLearningMultiplier", 0, 10);
        Checks.present("behaviour.experienceFit", experienceFit).check("behaviour.experienceFit", -1, 1);
        Checks.probability("behaviour.preferenceWeight", preferenceWeight);
        Checks.range("behaviour.fitPremium", fitPremium, 0, 10);
        Checks.range("behaviour.priceRegret", priceRegret, 0, 10);
        Checks.probability("behaviour.trustGain", trustGain);
        Checks.probability("behaviour.trustLoss", trustLoss);
        Checks.present("behaviour.trustThreshold", trustThreshold).check("behaviour.trustThreshold", 0, 1);
        Checks.present("behaviour.intrusiveness", intrusiveness).check("behaviour.intrusiveness", 0, 1);
        Checks.probability("behaviour.churnBadEpisodes", churnBadEpisodes);
        Checks.probability("behaviour.churnUnrecognised", churnUnrecognised);
        Checks.probability("behaviour.trustRetention", trustRetention);
        Checks.probability("behaviour.withdrawalProbability", withdrawalProbability);
    }

    public static Behaviour defaults() {
        return new Behaviour(
                1.0, 0.55,
                LevelValues.of(0.0, 0.04, 0.08, 0.12),
                0.25,
                LevelValues.of(0.2, 0.6, 0.85, 1.0),
                0.15,
                LevelValues.of(1.0, 1.0, 1.5, 2.0),
                ExperienceValues.of(0.0, 0.03, 0.06, 0.08),
                0.2, 0.8, 0.5,
                0.1, 0.2,
                ExperienceValues.of(0.0, 0.2, 0.4, 0.6),
                ExperienceValues.of(0.0, 0.2, 0.4, 0.6),
                0.03, 0.01, 0.5, 0.3);
    }
}
