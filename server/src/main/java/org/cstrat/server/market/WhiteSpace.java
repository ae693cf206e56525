package org.cstrat.server.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;

/**
 * The white space of a market's matrix: empty cells, each with the questions a strategist should ask
 * there, and thin rows and columns (held by fewer than {@link #THIN_MIN} firms, or fewer than
 * {@link #THIN_SHARE} of the placed firms).
 */
public record WhiteSpace(String marketId, List<EmptyCell> emptyCells, List<Line> thinRows, List<Line> thinColumns) {

    public static final int THIN_MIN = 2;
    public static final double THIN_SHARE = 0.10;

    public WhiteSpace {
        Objects.requireNonNull(marketId, "marketId");
        emptyCells = List.copyOf(emptyCells);
        thinRows = List.copyOf(thinRows);
        thinColumns = List.copyOf(thinColumns);
    }

    /** An empty cell, the questions to ask, and the firms nearest to it (same row or column). */
    public record EmptyCell(String experience, String architecture, String experienceName, String architectureName,
                            List<String> questions, List<String> nearestFirms) {
        public EmptyCell {
            questions = List.copyOf(questions);
            nearestFirms = List.copyOf(nearestFirms);
        }
    }

    /** A thin (or empty) row or column and how many firms it holds. */
    public record Line(String id, String name, long firms, boolean empty) {
    }

    public static WhiteSpace of(Matrix matrix) {
        List<EmptyCell> empty = new ArrayList<>();
        for (Matrix.Cell cell : matrix.cells()) {
            if (cell.isEmpty()) {
                List<String> near = new ArrayList<>();
                for (Matrix.Cell other : matrix.cells()) {
                    if (other != cell && (other.experience() == cell.experience() || other.architecture() == cell.architecture())) {
                        other.firms().forEach(f -> {
                            if (!near.contains(f.name())) {
                                near.add(f.name());
                            }
                        });
                    }
                }
                empty.add(new EmptyCell(cell.experience().id(), cell.architecture().id(), cell.experience().label(),
                        cell.architecture().label(), questions(cell.experience(), cell.architecture()), near));
            }
        }
        long placed = matrix.placedFirms();
        long threshold = Math.max(THIN_MIN, (long) Math.ceil(THIN_SHARE * placed));
        List<Line> rows = new ArrayList<>();
        for (Experience e : Experience.values()) {
            long n = matrix.firmsInRow(e);
            if (n < threshold) {
                rows.add(new Line(e.id(), e.label(), n, n == 0));
            }
        }
        List<Line> columns = new ArrayList<>();
        for (Architecture a : Architecture.values()) {
            long n = matrix.firmsInColumn(a);
            if (n < threshold) {
                columns.add(new Line(a.id(), a.label(), n, n == 0));
            }
        }
        return new WhiteSpace(matrix.market().id(), empty, rows, columns);
    }

    public boolean thinRow(Experience e) {
        return thinRows.stream().anyMatch(l -> l.id().equals(e.id()));
    }

    public boolean thinColumn(Architecture a) {
        return thinColumns.stream().anyMatch(l -> l.id().equals(a.id()));
    }

    /** The questions for an empty cell, or none when the cell is occupied. */
    public List<String> questionsFor(Experience e, Architecture a) {
        return emptyCells.stream().filter(c -> c.experience().equals(e.id()) && c.architecture().equals(a.id()))
                .findFirst().map(EmptyCell::questions).orElse(List.of());
    }

    /** The strategist's three questions for a cell: who wants it, what it needs, who pays. */
    public static List<String> questions(Experience e, Architecture a) {
        String want = switch (e) {
            case RESPOND_TO_DESIRE -> "to ask and be served at once, without friction,";
            case CURATED_OFFERING -> "a short menu tailored to them rather than every option,";
            case COACH_BEHAVIOR -> "reminders and nudges towards a goal they struggle to reach on their own,";
            case AUTOMATIC_EXECUTION -> "to have the need met before they notice it, under a standing authorisation,";
        };
        String from = switch (a) {
            case CONNECTED_PRODUCER -> "from the maker of the product itself";
            case CONNECTED_RETAILER -> "across many makers' products from one seller";
            case MARKET_MAKER -> "through a matchmaker between them and independent sellers";
            case CROWD_ORCHESTRATOR -> "from a crowd of independent suppliers coordinated by one firm";
            case PEER_TO_PEER -> "from peers like themselves, who also sell";
        };
        String rowNeeds = switch (e) {
            case RESPOND_TO_DESIRE -> "a customer-initiated touchpoint and fast, accurate fulfilment";
            case CURATED_OFFERING -> "data on each customer's past choices and an analyze-stage technology that ranks options";
            case COACH_BEHAVIOR -> "sensing of the customer's behaviour (sense stage), a coaching touchpoint and feedback on what works";
            case AUTOMATIC_EXECUTION -> "continuous sensing, a react-stage technology that acts, and enough trust for a standing authorisation";
        };
        String columnNeeds = switch (a) {
            case CONNECTED_PRODUCER -> "a product of its own that it can connect";
            case CONNECTED_RETAILER -> "supply from several producers";
            case MARKET_MAKER -> "sellers willing to be matched and to pay for it";
            case CROWD_ORCHESTRATOR -> "a crowd of independent suppliers and a way to dispatch them";
            case PEER_TO_PEER -> "peers who trust each other enough to transact (ratings, reviews)";
        };
        String payer = switch (a) {
            case CONNECTED_PRODUCER -> "the customer, for the product, its use (pay per use, subscription) or the outcome";
            case CONNECTED_RETAILER -> "the customer, with the firm keeping a margin on others' products";
            case MARKET_MAKER -> "the sellers, a fee or commission per match (or advertisers)";
            case CROWD_ORCHESTRATOR -> "the customer per task, the firm keeping a commission on the crowd's earnings";
            case PEER_TO_PEER -> "the peers, a fee per transaction, or third parties for access to them";
        };
        return List.of(
                "Which customers would want " + want + " " + from + "?",
                "What data and technology would it need? " + capitalise(rowNeeds) + "; and " + columnNeeds + ".",
                "Who would pay? Most likely " + payer + ".");
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
