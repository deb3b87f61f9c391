package org.kontor.platform.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven through Debian's chromium-driver, headless. Nothing is downloaded: the
 * driver path is given, so Selenium Manager never runs. Without the packages the browser tests are
 * skipped with a loud reason, except on CI (CI=true), where that is a failure: .ci/run installs them.
 */
public final class Chromium {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("KONTOR_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("KONTOR_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    public static ChromeDriver start() throws IOException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String reason = "Debian chromium and chromium-driver are not installed (" + BROWSER + ", " + DRIVER
                    + "): the Tasklist browser tests cannot run.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " On CI this is a failure: .ci/run must install them.");
            }
            System.err.println("\n*** SKIPPED: " + reason + " Install: apt-get install chromium chromium-driver ***\n");
            Assumptions.abort(reason);
        }
        Path profile = Files.createTempDirectory("kontor-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // the flags this workplace's closed network needs, or chromium keeps trying to phone home
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1600,1200", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** A screenshot under target/screenshots, for a person to look at when a browser test fails. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Logs into Tasklist and waits for the user's task filter; the login form can be re-rendered while the app boots,
     * so a login that did not take is tried again.
     */
    public static void logIntoTasklist(ChromeDriver browser, WebDriverWait wait, String user, String filterName) {
        By username = By.cssSelector("input[ng-model='username']");
        By loggedIn = By.xpath("//*[contains(text(), '" + filterName + "')]");
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                WebElement name = wait.until(ExpectedConditions.elementToBeClickable(username));
                name.clear();
                name.sendKeys(user);
                WebElement password = browser.findElement(By.cssSelector("input[ng-model='password']"));
                password.clear();
                password.sendKeys("demo", Keys.ENTER);
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(loggedIn));
                return;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException again) {
                if (!browser.findElements(loggedIn).isEmpty()) {
                    return;
                }
            }
        }
        throw new AssertionError("Could not log into Tasklist as " + user);
    }
}
