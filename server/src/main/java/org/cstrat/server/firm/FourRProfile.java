package org.cstrat.server.firm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.cstrat.framework.RelationshipStage;

/**
 * How well a firm runs the 4 Rs, scored 0-100 from its customers' interaction episodes:
 * <ul>
 *   <li><b>Recognize</b>: share of episodes in which the firm identified the customer;</li>
 *   <li><b>Request</b>: breadth of the channels through which requests arrive ({@value #CHANNELS_FOR_FULL} or more distinct channels score 100);</li>
 *   <li><b>Respond</b>: fit (mean satisfaction on respond steps, 70 points) and speed (mean minutes from request to
 *       response, 30 points at 0 minutes, none at {@value #SLOW_MINUTES} or more);</li>
 *   <li><b>Repeat</b>: half the share of episodes with a repeat step, half the share of customers with more than one episode.</li>
 * </ul>
 * A firm without interactions has no scores.
 */
public record FourRProfile(int episodes, int customers, List<Score> scores) {

    public static final int CHANNELS_FOR_FULL = 3;
    public static final int SLOW_MINUTES = 60;

    public FourRProfile {
        scores = List.copyOf(scores);
    }

    /** One R: its score (empty without data), the measure behind it, and details. */
    public record Score(RelationshipStage stage, Optional<Integer> score, String measure, List<String> details) {
        public Score {
            details = List.copyOf(details);
        }

        public String name() {
            return stage.label();
        }

        public int value() {
            return score.orElse(0);
        }
    }

    public boolean hasData() {
        return episodes > 0;
    }

    /** The share of episodes with an identified customer, when there are episodes. */
    public Optional<Double> identifiedShare() {
        return scores.stream().filter(s -> s.stage() == RelationshipStage.RECOGNIZE).findFirst()
                .flatMap(Score::score).map(v -> v / 100.0);
    }

    public static FourRProfile of(List<InteractionStep> steps) {
        Map<String, List<InteractionStep>> episodes = steps.stream()
                .collect(Collectors.groupingBy(InteractionStep::episode, LinkedHashMap::new, Collectors.toList()));
        int n = episodes.size();
        Map<String, Long> episodesPerCustomer = episodes.values().stream()
                .collect(Collectors.groupingBy(e -> e.get(0).customer(), Collectors.counting()));
        int customers = episodesPerCustomer.size();
        if (n == 0) {
            List<Score> none = new ArrayList<>();
            for (RelationshipStage s : RelationshipStage.values()) {
                none.add(new Score(s, Optional.empty(), "no interactions recorded", List.of()));
            }
            return new FourRProfile(0, 0, none);
        }

        long identified = episodes.values().stream().filter(e -> e.stream().anyMatch(s -> "recognize".equals(s.stage()) && s.identified())).count();
        long firmRecognised = episodes.values().stream().filter(e -> e.stream().anyMatch(s -> "recognize".equals(s.stage()) && "firm".equals(s.initiatedBy()))).count();
        double identifiedShare = (double) identified / n;
        Score recognize = new Score(RelationshipStage.RECOGNIZE, Optional.of(pct(identifiedShare)),
                pct(identifiedShare) + "% of " + n + " episodes with an identified customer",
                List.of(pct((double) firmRecognised / n) + "% of needs recognised by the firm rather than the customer"));

        Map<String, Long> channels = new TreeMap<>(steps.stream().filter(s -> "request".equals(s.stage()))
                .collect(Collectors.groupingBy(InteractionStep::channel, Collectors.counting())));
        int requestScore = (int) Math.min(100, Math.round(100.0 * channels.size() / CHANNELS_FOR_FULL));
        Score request = new Score(RelationshipStage.REQUEST, Optional.of(requestScore),
                channels.size() + " channel" + (channels.size() == 1 ? "" : "s") + " for requests",
                channels.entrySet().stream().map(c -> c.getKey() + ": " + c.getValue() + " requests").toList());

        List<Double> minutes = new ArrayList<>();
        for (List<InteractionStep> e : episodes.values()) {
            Optional<InteractionStep> req = e.stream().filter(s -> "request".equals(s.stage())).findFirst();
            Optional<InteractionStep> res = e.stream().filter(s -> "respond".equals(s.stage())).findFirst();
            if (req.isPresent() && res.isPresent()) {
                minutes.add((res.get().at() - req.get().at()) / 60.0);
            }
        }
        double meanMinutes = minutes.stream().mapToDouble(Double::doubleValue).average().orElse(SLOW_MINUTES);
        double meanSatisfaction = steps.stream().filter(s -> "respond".equals(s.stage()) && s.satisfaction() != null)
                .mapToInt(InteractionStep::satisfaction).average().orElse(1);
        int respondScore = (int) Math.round(70 * (meanSatisfaction - 1) / 4 + 30 * Math.max(0, 1 - meanMinutes / SLOW_MINUTES));
        Score respond = new Score(RelationshipStage.RESPOND, Optional.of(respondScore),
                String.format(java.util.Locale.ROOT, "satisfaction %.1f / 5, %.0f min from request to response", meanSatisfaction, meanMinutes),
                List.of("fit counts 70 points, speed 30"));

        long withRepeat = episodes.values().stream().filter(e -> e.stream().anyMatch(s -> "repeat".equals(s.stage()))).count();
        long returning = episodesPerCustomer.values().stream().filter(c -> c > 1).count();
        double repeatShare = (double) withRepeat / n;
        double returningShare = customers == 0 ? 0 : (double) returning / customers;
        Score repeat = new Score(RelationshipStage.REPEAT, Optional.of(pct(0.5 * repeatShare + 0.5 * returningShare)),
                pct(returningShare) + "% of " + customers + " customers came back",
                List.of(pct(repeatShare) + "% of episodes ended with a repeat step (feedback or re-booking)"));
        return new FourRProfile(n, customers, List.of(recognize, request, respond, repeat));
    }

    private static int pct(double share) {
        return (int) Math.round(100 * share);
    }
}
