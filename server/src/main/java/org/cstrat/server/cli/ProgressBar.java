package org.cstrat.server.cli;

import java.io.PrintWriter;

/**
 * Progress of long work on a terminal: a redrawn bar with percentage, counts and time left;
 * when the output is not a terminal, a plain line every 10 %.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int lastDecile = -1;
    private long lastDraw;

    public ProgressBar(PrintWriter out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    /** A bar on the console's terminal if there is one, else plain lines. */
    public static ProgressBar forConsole(PrintWriter out, String label) {
        return new ProgressBar(out, label, System.console() != null);
    }

    public void update(long done, long total) {
        if (total <= 0) {
            return;
        }
        double share = Math.min(1.0, done / (double) total);
        if (terminal) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(share * WIDTH);
            out.printf("\r%s [%s%s] %3d%% %,d/%,d%s", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                    (int) Math.floor(share * 100), done, total, eta(share));
            if (done >= total) {
                out.println();
            }
            out.flush();
        } else {
            int decile = (int) Math.floor(share * 10);
            if (decile > lastDecile) {
                lastDecile = decile;
                out.printf("%s: %d%% (%,d/%,d)%n", label, decile * 10, done, total);
                out.flush();
            }
        }
    }

    private String eta(double share) {
        if (share <= 0 || share >= 1) {
            return "          ";
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long left = Math.round(elapsed / share - elapsed);
        return String.format("  %ds left  ", left);
    }
}
