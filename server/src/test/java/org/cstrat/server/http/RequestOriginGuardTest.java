package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.cstrat.server.core.ForbiddenException;
import org.cstrat.server.config.WorkbenchConfig;
import org.junit.jupiter.api.Test;

class RequestOriginGuardTest {
    private static final RequestOriginGuard LOCAL = new RequestOriginGuard(List.of());
    private static final RequestOriginGuard PROXIED = new RequestOriginGuard(List.of(WorkbenchConfig.origin("https://Workbench.Example.com/")));
    private static final RequestOriginGuard WIDE = new RequestOriginGuard(java.util.Set.of("workbench-host", "10.0.0.5", "[fd00::5]"), List.of());

    @Test
    void theHostNameIsTheHostHeaderWithoutItsPort() {
        assertThat(RequestOriginGuard.hostName("localhost:7070")).isEqualTo("localhost");
        assertThat(RequestOriginGuard.hostName("LocalHost")).isEqualTo("localhost");
        assertThat(RequestOriginGuard.hostName("127.0.0.1:80")).isEqualTo("127.0.0.1");
        assertThat(RequestOriginGuard.hostName("[::1]:7070")).isEqualTo("[::1]");
        assertThat(RequestOriginGuard.hostName("evil.example:7070")).isEqualTo("evil.example");
        assertThat(RequestOriginGuard.hostName("127.0.0.1.evil.example:7070")).isEqualTo("127.0.0.1.evil.example");
    }

    @Test
    void onlyLiteralLoopbackNamesPass() {
        assertThat(WorkbenchConfig.isLoopback("localhost")).isTrue();
        assertThat(WorkbenchConfig.isLoopback("127.0.0.1")).isTrue();
        assertThat(WorkbenchConfig.isLoopback("127.1.2.3")).isTrue();
        assertThat(WorkbenchConfig.isLoopback("[::1]")).isTrue();
        assertThat(WorkbenchConfig.isLoopback("127.0.0.1.evil.example")).isFalse();
        assertThat(WorkbenchConfig.isLoopback("127.evil.example")).isFalse();
        assertThat(WorkbenchConfig.isLoopback("localhost.evil.example")).isFalse();
        assertThat(WorkbenchConfig.isLoopback("evil.example")).isFalse();
    }

    @Test
    void readsNeedALoopbackOrTrustedHost() {
        assertThatCode(() -> LOCAL.check("GET", "http", "127.0.0.1:7070", null, null)).doesNotThrowAnyException();
        assertThatCode(() -> LOCAL.check("GET", "http", null, null, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> LOCAL.check("GET", "http", "evil.example:7070", null, null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("'evil.example:7070'");
        assertThatThrownBy(() -> LOCAL.check("GET", "https", "workbench.example.com", null, null)).isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> PROXIED.check("GET", "http", "workbench.example.com", null, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PROXIED.check("GET", "http", "workbench.example.com:8443", null, null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("https://workbench.example.com");
        // beyond loopback: the machine's names and addresses, still not a foreign name (DNS rebinding)
        for (String known : new String[] {"workbench-host:7070", "WORKBENCH-HOST", "10.0.0.5:7070", "[fd00::5]:7070", "localhost:7070"}) {
            assertThatCode(() -> WIDE.check("GET", "http", known, null, null)).as(known).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> WIDE.check("GET", "http", "any.name.example", null, null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("'any.name.example'").hasMessageContaining("--advertised-host");
    }

    @Test
    void aWildcardListenerAcceptsTheAdvertisedHostAndThisMachinesNames() {
        RequestOriginGuard any = RequestOriginGuard.forListener("0.0.0.0", java.util.Optional.of("workbench.example.org"), List.of());
        assertThatCode(() -> any.check("GET", "http", "workbench.example.org:7070", null, null)).doesNotThrowAnyException();
        assertThatCode(() -> any.check("GET", "http", "127.0.0.1:7070", null, null)).doesNotThrowAnyException();
        String machine = org.cstrat.server.config.NetworkNames.machineName();
        assertThatCode(() -> any.check("GET", "http", machine + ":7070", null, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> any.check("GET", "http", "rebound.evil.example", null, null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void writesNeedTheirOwnOrATrustedOrigin() {
        assertThatCode(() -> LOCAL.check("POST", "http", "127.0.0.1:7070", "http://127.0.0.1:7070", "same-origin")).doesNotThrowAnyException();
        assertThatCode(() -> LOCAL.check("PUT", "http", "127.0.0.1:7070", null, null)).doesNotThrowAnyException();
        for (String foreign : new String[] {"http://evil.example", "null", "http://localhost:7070", "https://127.0.0.1:7070"}) {
            assertThatThrownBy(() -> LOCAL.check("POST", "http", "127.0.0.1:7070", foreign, null)).as(foreign)
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("own pages");
        }
        assertThatThrownBy(() -> LOCAL.check("DELETE", "http", "127.0.0.1:7070", null, "cross-site")).isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> LOCAL.check("GET", "http", "127.0.0.1:7070", "http://evil.example", "cross-site")).doesNotThrowAnyException();
        // behind the proxy: the browser's origin is the proxy's, the Host the proxy's name or the loopback it forwards to
        assertThatCode(() -> PROXIED.check("POST", "http", "workbench.example.com", "https://workbench.example.com", "same-origin"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PROXIED.check("POST", "http", "127.0.0.1:7070", "https://workbench.example.com", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PROXIED.check("POST", "http", "workbench.example.com", "https://evil.example", null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> WIDE.check("PATCH", "http", "workbench-host", "http://evil.example", null)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void trustedOriginsAreOriginsAsBrowsersSendThem() {
        assertThat(WorkbenchConfig.origin("https://Workbench.Example.com")).isEqualTo("https://workbench.example.com");
        assertThat(WorkbenchConfig.origin("https://workbench.example.com:443/")).isEqualTo("https://workbench.example.com");
        assertThat(WorkbenchConfig.origin("http://10.0.0.5:8080")).isEqualTo("http://10.0.0.5:8080");
        for (String bad : new String[] {"workbench.example.com", "ftp://workbench.example.com", "https://workbench.example.com/app",
                "https://user@workbench.example.com", "https://workbench.example.com?x=1", "https://", "not a url"}) {
            assertThatThrownBy(() -> WorkbenchConfig.origin(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--trusted-origin must be an origin");
        }
    }
}
