package org.cstrat.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.cstrat.server.auth.Principal;
import org.cstrat.server.auth.Role;
import org.cstrat.server.view.PageViewer;
import org.junit.jupiter.api.Test;

/** What the pages show of a caller: view's own default for "no request" is what http makes of the local admin. */
class PageViewerTest {

    @Test
    void outsideARequestThePagesSeeTheLocalAdmin() {
        assertThat(PageViewer.current()).isEqualTo(Access.viewer(Principal.local(), false)).isEqualTo(PageViewer.LOCAL_ADMIN);
    }

    @Test
    void eachRoleSeesWhatItMayDo() {
        assertThat(Access.viewer(new Principal("vera", Role.VIEWER, Principal.Via.SESSION), true))
                .isEqualTo(new PageViewer("vera", "viewer", true, false, false, false));
        assertThat(Access.viewer(new Principal("sam", Role.STRATEGIST, Principal.Via.SESSION), true))
                .isEqualTo(new PageViewer("sam", "strategist", true, true, false, false));
        assertThat(Access.viewer(new Principal("ann", Role.ANALYST, Principal.Via.TOKEN), true))
                .isEqualTo(new PageViewer("ann", "analyst", true, true, true, false));
        assertThat(Access.viewer(new Principal("ada", Role.ADMIN, Principal.Via.SESSION), true))
                .isEqualTo(new PageViewer("ada", "admin", true, true, true, true));
    }

    @Test
    void aRequestsViewerIsForgottenAtItsEnd() {
        PageViewer.set(PageViewer.ANONYMOUS);
        assertThat(PageViewer.current()).isEqualTo(PageViewer.ANONYMOUS);
        PageViewer.clear();
        assertThat(PageViewer.current()).isEqualTo(PageViewer.LOCAL_ADMIN);
    }
}
