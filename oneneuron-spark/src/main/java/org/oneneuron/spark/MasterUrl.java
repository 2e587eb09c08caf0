package org.oneneuron.spark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark master URL as {@code --master} takes it, checked before anything is started or written:
 * {@code local}, {@code local[N]}, {@code local[*]} (with an optional task-retry count,
 * {@code local[N,F]}), {@code spark://HOST:PORT} (several comma-separated for a standby master),
 * {@code yarn} and {@code k8s://URL}.
 *
 * @param text      the URL as given
 * @param kind      which cluster manager
 * @param endpoints the host:port pairs of a standalone master (empty for the other kinds)
 */
public record MasterUrl(String text, Kind kind, List<InetSocketAddress> endpoints) {

    /** The cluster managers. */
    public enum Kind {
        /** Driver and executors in one JVM, N task slots. */
        LOCAL,
        /** Spark's own standalone cluster manager. */
        STANDALONE,
        /** Hadoop YARN (needs Spark's YARN module and HADOOP_CONF_DIR: spark-submit). */
        YARN,
        /** Kubernetes (needs Spark's Kubernetes module: spark-submit). */
        KUBERNETES
    }

    /** How long a standalone master's port may take to accept a connection. */
    static final int PROBE_TIMEOUT_MS = 5000;

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]{0,4})(,[1-9][0-9]{0,3})?])?");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]):([0-9]{1,5})");
    private static final String FORMS = "expected local, local[N], local[*], spark://HOST:PORT, yarn"
            + " or k8s://URL (docs/CLUSTER.md)";

    public MasterUrl {
        endpoints = List.copyOf(endpoints);
    }

    /**
     * Parses {@code --master}'s value.
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static MasterUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--master: no URL given; " + FORMS);
        }
        String t = text.trim();
        if (LOCAL.matcher(t).matches()) {
            return new MasterUrl(t, Kind.LOCAL, List.of());
        }
        if (t.equals("yarn")) {
            return new MasterUrl(t, Kind.YARN, List.of());
        }
        if (t.startsWith("k8s://")) {
            if (t.length() == "k8s://".length()) {
                throw new IllegalArgumentException("--master '" + text + "': k8s:// needs the API server's"
                        + " URL, e.g. k8s://https://HOST:6443");
            }
            return new MasterUrl(t, Kind.KUBERNETES, List.of());
        }
        if (t.startsWith("spark://")) {
            return new MasterUrl(t, Kind.STANDALONE, endpoints(text, t.substring("spark://".length())));
        }
        if (t.startsWith("local")) {
            throw new IllegalArgumentException("--master '" + text + "': local mode is local, local[N] with"
                    + " N >= 1 task slots, or local[*] for one per core");
        }
        throw new IllegalArgumentException("--master '" + text + "' is not a Spark master URL; " + FORMS);
    }

    private static List<InetSocketAddress> endpoints(String text, String list) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            Matcher m = HOST_PORT.matcher(part);
            int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--master '" + text + "': '" + part + "' is not HOST:PORT"
                        + " with a port in 1..65535; a standalone master is spark://HOST:PORT (7077 by"
                        + " default)");
            }
            String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            out.add(InetSocketAddress.createUnresolved(host, port));
        }
        return out;
    }

    /**
     * For a standalone master: connects to each host:port (at most {@link #PROBE_TIMEOUT_MS} each)
     * and returns when one answers. Spark itself would retry for a minute before giving up.
     *
     * @throws IllegalStateException naming every address tried and why it failed
     */
    public void probe() {
        if (kind != Kind.STANDALONE) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress endpoint : endpoints) {
            String where = endpoint.getHostString() + ":" + endpoint.getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHostString(), endpoint.getPort()), PROBE_TIMEOUT_MS);
                return;
            } catch (UnknownHostException e) {
                failures.add(where + " (unknown host)");
            } catch (ConnectException e) {
                failures.add(where + " (connection refused)");
            } catch (SocketTimeoutException e) {
                failures.add(where + " (no answer within " + PROBE_TIMEOUT_MS / 1000 + " s)");
            } catch (IOException | IllegalArgumentException e) {
                failures.add(where + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalStateException(String.format(Locale.ROOT, "--master %s: no Spark master answers"
                + " at %s. Is it started (sbin/start-master.sh) and is the address the one its log shows"
                + " (\"Starting Spark master at spark://...\")?", text, String.join(", ", failures)));
    }
}
