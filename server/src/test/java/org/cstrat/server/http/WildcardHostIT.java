package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cstrat.server.config.RuntimeInfo;
import org.cstrat.server.Workbench;
import org.cstrat.server.cli.RunningWorkbench;
import org.cstrat.server.config.NetworkNames;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.config.WorkbenchConfig.Auth;
import org.cstrat.server.neo4j.GraphConnection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code serve --host 0.0.0.0} and {@code --host ::}: the workbench starts, tells clients the advertised host (or this
 * machine's name), and this machine's tools reach HTTP and Bolt through loopback.
 */
class WildcardHostIT {

    private static final String PASSWORD = "pw-wildcard-1234";

    @TempDir
    Path temp;

    @Test
    void anyIpv4AddressWithAnAdvertisedHost() throws Exception {
        Path data = temp.resolve("v4");
        WorkbenchConfig config = new WorkbenchConfig(data, "0.0.0.0", 0, 0, Optional.empty(), Optional.of(PASSWORD), false, List.of(),
                Auth.ON, Optional.of("127.0.0.1"), WorkbenchConfig.DEFAULT_MAX_SIMULATION_WORK);
        try (Workbench workbench = Workbench.start(config)) {
            assertThat(workbench.httpUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(workbench.boltUri().getHost()).isEqualTo("127.0.0.1");
            reachable(workbench, data, "127.0.0.1");
        }
    }

    @Test
    void anyIpv6AddressAdvertisesThisMachinesName() throws Exception {
        Assumptions.assumeTrue(ipv6Loopback(), "this machine has no IPv6 loopback");
        Path data = temp.resolve("v6");
        WorkbenchConfig config = new WorkbenchConfig(data, "::", 0, 0, Optional.empty(), Optional.of(PASSWORD), false, List.of(),
                Auth.ON, Optional.empty(), WorkbenchConfig.DEFAULT_MAX_SIMULATION_WORK);
        try (Workbench workbench = Workbench.start(config)) {
            String name = NetworkNames.machineName();
            assertThat(workbench.httpUrl().getHost()).isEqualTo(NetworkNames.uriHost(name));
            assertThat(workbench.boltUri().getHost()).isEqualTo(NetworkNames.uriHost(name));
            assertThat(workbench.boltUri().getHost()).isNotIn("::", "[::]", "0.0.0.0");
            reachable(workbench, data, "[::1]");
            // '::' accepts IPv4 too on a dual-stack machine, but the local tools use ::1
            assertThat(workbench.runtimeInfo().localBolt().getHost()).isEqualTo("[::1]");
        }
    }

    /** /health over HTTP and a query over Bolt through {@code loopback}, the local tools through RuntimeInfo; DNS rebinding refused. */
    private static void reachable(Workbench workbench, Path data, String loopback) throws Exception {
        int httpPort = workbench.httpUrl().getPort();
        int boltPort = workbench.boltUri().getPort();
        assertThat(request(loopback, httpPort, "GET /health", loopback + ":" + httpPort)).startsWith("HTTP/1.1 200");
        assertThat(request(loopback, httpPort, "GET /health", "rebound.evil.example")).startsWith("HTTP/1.1 403")
                .contains("rebound.evil.example");
        try (var driver = GraphDatabase.driver(URI.create("bolt://" + loopback + ":" + boltPort), AuthTokens.basic("neo4j", PASSWORD))) {
            assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asInt()).isEqualTo(1);
        }
        RuntimeInfo info = workbench.runtimeInfo();
        assertThat(info.bolt()).isEqualTo(workbench.boltUri());
        assertThat(info.localBolt().getHost()).isEqualTo(loopback);
        assertThat(info.localHttp().getHost()).isEqualTo(loopback);
        info.write(data);
        try (GraphConnection graph = RunningWorkbench.find(data, Optional.empty(), Optional.of(PASSWORD)).connect()) {
            assertThat(graph.driver().executableQuery("RETURN 2 AS two").execute().records().get(0).get("two").asInt()).isEqualTo(2);
        } finally {
            RuntimeInfo.delete(data);
        }
    }

    /** A raw request, so that the Host header can be anything; answers the whole response. */
    private static String request(String host, int port, String requestLine, String hostHeader) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName(host.replace("[", "").replace("]", "")), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
