package org.cstrat.server.view;

import org.cstrat.server.auth.Principal;

/**
 * Who the page being rendered is for: set by the HTTP layer for each request (its access check), read by
 * {@link Templates}. Outside a request (benchmarks, tests rendering a page directly) it is a local admin.
 *
 * @param principal   the caller; null while nobody is known (before the route's check, or an anonymous public call)
 * @param loginShown  whether the pages show who is signed in and the sign-out button (false when auth is off)
 */
public record PageViewer(Principal principal, boolean loginShown) {

    private static final ThreadLocal<PageViewer> CURRENT = new ThreadLocal<>();

    /** The current request's viewer (a local admin outside a request). */
    public static PageViewer current() {
        PageViewer v = CURRENT.get();
        return v == null ? new PageViewer(Principal.local(), false) : v;
    }

    /** Sets the viewer of the request this thread is serving. */
    public static void set(PageViewer viewer) {
        CURRENT.set(viewer);
    }

    /** Forgets it at the end of the request. */
    public static void clear() {
        CURRENT.remove();
    }
}
