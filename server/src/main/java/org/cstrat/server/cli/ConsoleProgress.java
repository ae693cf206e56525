package org.cstrat.server.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.cstrat.server.customers.imports.ImportProgress;

/**
 * Import progress on the console: on a terminal a bar redrawn in place with the count and the rate;
 * otherwise (a pipe, a log file, CI) one plain line per phase and per tenth of the interactions.
 */
final class ConsoleProgress implements ImportProgress {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean tty;
    private final long start = System.nanoTime();
    private long phaseStart = System.nanoTime();
    private int lastTenth = -1;
    private boolean barOpen;

    ConsoleProgress(PrintWriter out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    static boolean isTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public void phase(String name) {
        endBar();
        out.printf(Locale.ROOT, "  %-36s (at %.1f s)%n", name + " ...", (System.nanoTime() - start) / 1e9);
        out.flush();
        phaseStart = System.nanoTime();
    }

    @Override
    public void interactions(long done, long total) {
        double seconds = (System.nanoTime() - phaseStart) / 1e9;
        long rate = seconds > 0 ? Math.round(done / seconds) : 0;
        if (tty) {
            int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
            out.printf(Locale.ROOT, "\r  [%s%s] %3d%%  %,d / %,d interactions  %,d/s ",
                    "#".repeat(filled), ".".repeat(WIDTH - filled), total == 0 ? 100 : 100 * done / total, done, total, rate);
            out.flush();
            barOpen = true;
            if (done >= total) {
                endBar();
            }
        } else {
            int tenth = total == 0 ? 10 : (int) (10 * done / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.printf(Locale.ROOT, "  %3d%%  %,d / %,d interactions  %,d/s%n", tenth * 10, done, total, rate);
                out.flush();
            }
        }
    }

    private void endBar() {
        if (barOpen) {
            out.println();
            barOpen = false;
        }
    }
}
