package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.cstrat.server.core.StartupException;
import org.cstrat.server.Workbench;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.health.Readiness;
import org.cstrat.server.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start on an empty data directory: HTTP answers while the demo loads (the load is held on a latch, so "while"
 * is certain rather than a race), with the loading page, 503 on the API and {@code loading} on {@code /health}; then the
 * home page. A failed load is shown and the server keeps answering.
 */
class FirstStartIT {

    @TempDir
    Path temp;

    @Test
    void answersWithTheLoadingPageUntilTheDemoIsLoadedThenTheHomePage() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        WorkbenchConfig config = new WorkbenchConfig(temp.resolve("data"), "127.0.0.1", 0, 0, Optional.empty(), Optional.empty(), true);
        try (Workbench workbench = Workbench.launch(config, () -> {
            holding.countDown();
            await(release);
        })) {
            assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
            Http http = new Http(workbench.httpUrl());

            HttpResponse<String> page = http.get("/");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("2");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(page.body()).contains("Loading the demo data").contains("id=\"loading-progress\"")
                    .contains("http-equiv=\"refresh\"").doesNotContain("<script");
            assertThat(http.get("/markets/us-mobility").body()).contains("Loading the demo data");
            assertThat(http.get("/static/css/workbench.css").statusCode()).isEqualTo(200);

            HttpResponse<String> api = http.get("/api/markets");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.headers().firstValue("Retry-After")).contains("2");
            assertThat(Http.tree(api).path("detail").asText()).contains("loading the demo data");

            JsonNode health = Http.tree(http.get("/health"));
            assertThat(health.path("status").asText()).isEqualTo("loading");
            assertThat(health.path("startup").path("state").asText()).isEqualTo("LOADING");
            assertThat(health.path("database").path("available").asBoolean()).isTrue();

            release.countDown();
            assertThat(workbench.awaitPrepared()).as("a first start loads the demo").isTrue();
            assertThat(workbench.startupTimes().httpAnsweringMillis()).isLessThan(workbench.startupTimes().preparedMillis());

            HttpResponse<String> home = http.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("US personal mobility").doesNotContain("Loading the demo data");
            assertThat(http.get("/api/markets").statusCode()).isEqualTo(200);
            assertThat(Http.tree(http.get("/health")).path("status").asText()).isEqualTo("ok");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aFailedLoadIsShownAndTheServerKeepsAnswering() throws Exception {
        WorkbenchConfig config = new WorkbenchConfig(temp.resolve("failing"), "127.0.0.1", 0, 0, Optional.empty(),
                Optional.of("pw-first-start-1234"), false, List.of(), WorkbenchConfig.Auth.ON, Optional.empty(),
                WorkbenchConfig.DEFAULT_MAX_SIMULATION_WORK);
        try (Workbench workbench = Workbench.launch(config, () -> {
            throw new IllegalStateException("the disk is full");
        })) {
            assertThatThrownBy(workbench::awaitPrepared).isInstanceOf(StartupException.class).hasMessageContaining("the disk is full");
            assertThat(workbench.readiness().status().state()).isEqualTo(Readiness.State.FAILED);
            Http http = new Http(workbench.httpUrl());

            // logins apply as usual: a page asks for one first, the login page itself answers
            assertThat(http.get("/").statusCode()).isEqualTo(303);
            assertThat(http.get("/login").statusCode()).isEqualTo(200);

            JsonNode health = Http.tree(http.get("/health"));
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("startup").path("error").asText()).isEqualTo("the disk is full");
        }
        // the same failure with auth off reaches the page itself
        WorkbenchConfig open = new WorkbenchConfig(temp.resolve("failing-open"), "127.0.0.1", 0, 0, Optional.empty(), Optional.empty(), false);
        try (Workbench workbench = Workbench.launch(open, () -> {
            throw new IllegalStateException("the disk is full");
        })) {
            assertThatThrownBy(workbench::awaitPrepared).isInstanceOf(StartupException.class);
            Http http = new Http(workbench.httpUrl());
            HttpResponse<String> page = http.get("/");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isEmpty();
            assertThat(page.body()).contains("Start-up failed").contains("the disk is full").doesNotContain("http-equiv=\"refresh\"");
            HttpResponse<String> api = http.get("/api/markets");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(Http.tree(api).path("detail").asText()).contains("the disk is full");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the demo load");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
