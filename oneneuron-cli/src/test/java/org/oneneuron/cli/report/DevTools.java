package org.oneneuron.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol on the loopback interface (the
 * JDK's WebSocket client, no extra library): navigate, evaluate JavaScript, move the mouse as a
 * user would, and record every network request the page makes.
 */
final class DevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private DevTools(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts Chromium with a fresh profile and connects to its first page. */
    static DevTools start(Path chromium, Path profile) throws Exception {
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=1200,900", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(profile.resolveSibling("chromium.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new IOException("chromium did not open its DevTools port; stderr: "
                        + Files.readString(profile.resolveSibling("chromium.err")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String page = null;
        for (JsonNode target : JSON.readTree(list)) {
            if (target.get("type").asText().equals("page")) {
                page = target.get("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (page == null) {
            p.destroyForcibly();
            throw new IOException("chromium offers no page target: " + list);
        }
        DevTools[] self = new DevTools[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    while (self[0] == null) {
                        Thread.onSpinWait();
                    }
                    self[0].receive(message);
                }
                ws.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new DevTools(p, socket);
        return self[0];
    }

    private void receive(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(node.get("id").asInt());
                if (f != null) {
                    f.complete(node);
                }
            } else {
                events.add(node);
            }
        } catch (IOException e) {
            throw new IllegalStateException("bad DevTools message: " + message, e);
        }
    }

    /** Sends a command and waits for its result. */
    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        JsonNode node = reply.get(60, TimeUnit.SECONDS);
        if (node.has("error")) {
            throw new IllegalStateException(method + ": " + node.get("error"));
        }
        return node.get("result");
    }

    /** The value of a JavaScript expression (returned by value). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        }
        return r.get("result").get("value");
    }

    /** Polls a boolean expression until true or the timeout. */
    boolean waitFor(String expression, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode v = eval(expression);
            if (v != null && v.asBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Moves the mouse to (x, y) in CSS pixels of the viewport, as a real pointer does. */
    void moveMouse(double x, double y) throws Exception {
        send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
    }

    /** The URLs of every request the page started since Network.enable. */
    List<String> requestedUrls() {
        return events.stream().filter(e -> e.get("method").asText().equals("Network.requestWillBeSent"))
                .map(e -> e.get("params").get("request").get("url").asText()).toList();
    }

    /** Whether an event of this method arrived. */
    boolean sawEvent(String method) {
        return events.stream().anyMatch(e -> e.get("method").asText().equals(method));
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (RuntimeException ignored) {
            // the browser is being stopped anyway
        }
        // The renderer and helper processes can outlive the browser for a moment and still write
        // into the profile, which a @TempDir then fails to delete: stop and await every one.
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle p : family) {
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    p.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            family.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
