package org.oneneuron.spark;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasterUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"local;LOCAL", "local[1];LOCAL", "local[*];LOCAL", "local[4,3];LOCAL",
        "local[*,2];LOCAL", "spark://master:7077;STANDALONE", "spark://a:7077,b:7078;STANDALONE",
        "spark://[::1]:7077;STANDALONE", "yarn;YARN", "k8s://https://api.example:6443;KUBERNETES"})
    void acceptsSparksForms(String text, MasterUrl.Kind kind) {
        assertEquals(kind, MasterUrl.parse(text).kind());
    }

    @Test
    void aStandaloneUrlListsItsMasters() {
        MasterUrl url = MasterUrl.parse("spark://a:7077,[::1]:7078");
        assertEquals(List.of("a:7077", "::1:7078"), url.endpoints().stream()
                .map(e -> e.getHostString() + ":" + e.getPort()).toList());
    }

    @Test
    void localModeNamesWhatItTakes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterUrl.parse("local[0]"));
        assertTrue(e.getMessage().contains("local[N] with N >= 1"), e.getMessage());
    }

    @Test
    void aMasterThatListensPassesTheProbeAndAClosedPortIsNamed() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertDoesNotThrow(() -> MasterUrl.parse("spark://127.0.0.1:" + socket.getLocalPort()).probe());
        }
        int closed = SparkJvms.freePort();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterUrl.parse("spark://127.0.0.1:" + closed).probe());
        assertTrue(e.getMessage().contains("127.0.0.1:" + closed + " (connection refused)"), e.getMessage());
    }

    @Test
    void oneAnsweringMasterOfSeveralIsEnough() throws IOException {
        int closed = SparkJvms.freePort();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertDoesNotThrow(() -> MasterUrl.parse("spark://127.0.0.1:" + closed + ",127.0.0.1:"
                    + socket.getLocalPort()).probe());
        }
    }
}
