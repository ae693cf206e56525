package org.cstrat.server.customers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.cstrat.server.customers.imports.ImportFile;
import org.cstrat.server.customers.imports.ImportJobs;
import org.cstrat.server.core.InvalidRequestException;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.core.TooLargeException;

/** What the customers API and pages both read from a request: an import job by id, uploaded files, a valuation's end date. */
final class CustomerRequests {

    private CustomerRequests() {
    }

    static ImportJobs.Status importJob(ImportJobs jobs, String id) {
        return jobs.job(id).orElseThrow(() -> new NotFoundException("import job", id));
    }

    static List<ImportFile> files(Context ctx) {
        List<UploadedFile> uploaded;
        try {
            uploaded = ctx.uploadedFiles("files");
            if (uploaded.isEmpty()) {
                uploaded = ctx.uploadedFiles();
            }
        } catch (Exception e) { // Jetty's multipart errors arrive unchecked (IOException, IllegalStateException)
            String message = String.valueOf(e.getMessage());
            if (message.contains("exceeds max")) {
                throw new TooLargeException("The upload is too large: " + message);
            }
            throw new InvalidRequestException("The upload is not valid multipart/form-data: " + message);
        }
        if (uploaded.isEmpty()) {
            throw new InvalidRequestException("No file uploaded: send multipart/form-data with one or more 'files' parts");
        }
        return uploaded.stream().map(f -> {
            try (var in = f.content()) {
                return new ImportFile(f.filename(), in.readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    static LocalDate end(Context ctx) {
        String end = ctx.queryParam("end");
        if (end == null || end.isBlank()) {
            end = ctx.formParam("end");
        }
        if (end == null || end.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(end.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("end must be a date YYYY-MM-DD, got '" + end + "'");
        }
    }
}
