package org.cstrat.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium per test JVM, driven through its ChromeDriver at {@code /usr/bin/chromedriver}
 * (Selenium Manager cannot download anything here). With {@code CI=true} browser tests always run (CI installs
 * the packages); elsewhere they are skipped when the driver is missing. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The window every test starts with: a laptop screen (a phone test sets its own and {@link #standardWindow} undoes it). */
    public static final Dimension WINDOW = new Dimension(1500, 1100);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    static final class Instance implements AutoCloseable {
        final ChromeDriver driver;
        final Path profile;

        Instance() throws IOException {
            profile = Files.createTempDirectory("cstrat-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toString());
            // The console's messages, read after each test: a Content-Security-Policy violation fails it.
            options.setCapability("goog:loggingPrefs", java.util.Map.of(org.openqa.selenium.logging.LogType.BROWSER, "ALL"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + WINDOW.width + "," + WINDOW.height);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            standardWindow(driver);
            Files.createDirectories(SCREENSHOTS);
        }

        @Override
        public void close() throws IOException {
            driver.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), "no " + CHROMEDRIVER + ": browser tests skipped (they run when CI=true)");
        }
        instance(context);
    }

    private static Instance instance(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Instance.class, k -> {
            try {
                return new Instance();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, Instance.class);
    }

    /** Fails the test when a page it opened broke the Content-Security-Policy (an inline script or style, a foreign source). */
    @Override
    public void afterEach(ExtensionContext context) {
        Instance instance = context.getRoot().getStore(NAMESPACE).get(Instance.class, Instance.class);
        if (instance != null) {
            List<String> violations = cspViolations(instance.driver);
            if (!violations.isEmpty()) {
                throw new AssertionError("Content-Security-Policy violations in the browser console:\n" + String.join("\n", violations));
            }
        }
    }

    /** The CSP violations Chromium logged since the last call (reading the log empties it). */
    public static List<String> cspViolations(ChromeDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getMessage()).filter(m -> m.contains("Content Security Policy")).toList();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == ChromeDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return instance(extension).driver;
    }

    /** Back to {@link #WINDOW}, without the device emulation a phone test sets. */
    public static void standardWindow(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        driver.manage().window().setSize(WINDOW);
    }

    public static WebDriverWait waitUpTo(ChromeDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    public static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
