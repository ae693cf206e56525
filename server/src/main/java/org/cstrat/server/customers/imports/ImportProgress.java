package org.cstrat.server.customers.imports;

/** Told how an import goes; the CLI draws a progress bar, the upload page's import job ({@link ImportJobs}) keeps it for its poller. */
public interface ImportProgress {

    /** A new phase starts, e.g. "validating", "customer records", "identity resolution", "interactions", "commit". */
    void phase(String name);

    /** {@code done} of {@code total} interactions written so far. */
    void interactions(long done, long total);

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void phase(String name) {
        }

        @Override
        public void interactions(long done, long total) {
        }
    };
}
