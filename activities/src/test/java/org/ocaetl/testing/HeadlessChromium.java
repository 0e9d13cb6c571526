package org.ocaetl.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * One headless Chromium per test class, driven by Selenium through Debian's chromedriver (packages
 * {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs). Where they are
 * missing the class is skipped, except under {@code CI=true}, where a missing browser fails it:
 * CI never skips the browser tests silently.
 *
 * <pre>{@code @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();}</pre>
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private ChromeDriver driver;

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && !"true".equals(System.getenv("CI"))) {
      assumeTrue(false, "Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
    }
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1000,1400");
    // The browser console, read back by consoleErrors().
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  public ChromeDriver driver() {
    if (driver == null) {
      throw new IllegalStateException("No browser: register the extension on a static field with @RegisterExtension");
    }
    return driver;
  }

  /** The console messages of level SEVERE (errors, failed loads) since the last call. */
  public List<String> consoleErrors() {
    return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::toString)
        .toList();
  }
}
