package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.cstrat.server.config.WorkbenchConfig;
import org.junit.jupiter.api.Test;

class RequestOriginGuardTest {
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
}
