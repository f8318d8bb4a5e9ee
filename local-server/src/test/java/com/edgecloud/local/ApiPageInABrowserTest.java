package com.edgecloud.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API page (issue 17), as a person uses it: Debian's Chromium, headless, opens
 * {@code /_local/docs} on the local server, finds the operations, and makes calls from the page
 * through "Try it out". The browser and its driver are the system's (/usr/bin/chromium,
 * /usr/bin/chromedriver; .ci/run installs them, the README says how): given explicitly, so
 * Selenium Manager never looks for one on the internet. Without them this test fails, never skips.
 */
class ApiPageInABrowserTest {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** A generous bound for the page's own work (loading, a call), never a timing assertion. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static final String NODE = "node-page-1";

    private static LocalServer server;
    private static HttpClient http;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "no " + CHROMIUM + " or " + CHROMEDRIVER
                + ": install Debian's browser and its driver first (README): apt-get install chromium chromium-driver");
        server = LocalServer.start(Map.of("micronaut.server.port", -1));
        http = HttpClient.newHttpClient();
        HttpResponse<String> seeded = send("PUT", "/admin/catalog/nodes/" + NODE, CatalogBodies.node("Page node"),
                token("ops-page", "\"admin\""));
        assertEquals(200, seeded.statusCode(), seeded.body());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(),
                new ChromeOptions().setBinary(CHROMIUM)
                        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
                        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2400"));
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void thePageListsTheOperationsAndOffersThisServerToCall() {
        open();

        for (String operation : List.of("catalog-listNodes", "instances-purchaseInstances", "instances-listInstances",
                "instances-renewInstance", "account-getAccount", "local-issueLocalToken")) {
            assertEquals(1, browser.findElements(By.id("operations-" + operation)).size(), operation + " is listed");
        }
        WebElement servers = browser.findElement(By.cssSelector(".servers select"));
        assertEquals(server.baseUri().toString(), servers.getDomProperty("value"),
                "Try it out calls the server that serves the page, whatever the document's servers say");
    }

    @Test
    void listNodesTriedFromThePageAnswers200WithTheSeededNode_C3() {
        open();

        WebElement response = tryItOut("catalog-listNodes");

        assertEquals("200", response.findElement(By.cssSelector(".response-col_status")).getText().trim());
        assertTrue(response.getText().contains("\"nodeId\": \"" + NODE + "\""), response.getText());
        String requestUrl = browser.findElement(By.cssSelector("#operations-catalog-listNodes .request-url pre")).getText();
        assertEquals(server.baseUri() + "/catalog/nodes", requestUrl);
    }

    @Test
    void aTokenEnteredInAuthorizeMakesTheCallAsItsAccount() throws Exception {
        String token = token("acct-page", "");
        open();

        browser.findElement(By.cssSelector(".auth-wrapper button.authorize")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        dialog.findElement(By.cssSelector("input")).sendKeys(token);
        dialog.findElement(By.cssSelector("button.modal-btn.authorize")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux button.btn-done"))).click();
        WebElement response = tryItOut("account-getAccount");

        assertEquals("200", response.findElement(By.cssSelector(".response-col_status")).getText().trim(),
                response.getText());
        assertTrue(response.getText().contains("\"accountId\": \"acct-page\""), response.getText());
    }

    /** Loads the page and waits for Swagger UI to have read the document. */
    private static void open() {
        browser.get(server.baseUri() + "/_local/docs");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operations-catalog-listNodes")));
    }

    /** Expands the operation, presses Try it out then Execute, and answers the live response once it is shown. */
    private static WebElement tryItOut(String operation) {
        String block = "#operations-" + operation;
        browser.findElement(By.cssSelector(block + " .opblock-summary-control")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(block + " button.try-out__btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(block + " button.execute"))).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(block + " .live-responses-table tbody .response")));
    }

    private static String token(String sub, String roles) throws Exception {
        HttpResponse<String> issued = send("POST", "/_local/tokens", "{\"sub\":\"" + sub + "\",\"roles\":[" + roles + "]}", null);
        return ObjectMapper.getDefault().readValue(issued.body(), JsonNode.class).get("token").getStringValue();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
