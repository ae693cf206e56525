package org.cstrat.server.view;

/**
 * What the page being rendered may show of its caller: set by the HTTP layer for each request (its access check), read
 * by {@link Templates}. Outside a request (benchmarks, a page rendered directly) it is {@link #LOCAL_ADMIN}.
 *
 * @param name          the caller's user name; null while nobody is known (before the route's check, or an anonymous
 *                      call of a public route)
 * @param role          the caller's role id ({@code viewer}, {@code strategist}, {@code analyst}, {@code admin}); null with the name
 * @param signedIn      whether the pages show the name and the sign-out button (false when auth is off)
 * @param canEdit       strategist or above
 * @param canAnalyse    analyst or above: console, customers
 * @param canAdminister admin: imports
 */
public record PageViewer(String name, String role, boolean signedIn, boolean canEdit, boolean canAnalyse, boolean canAdminister) {

    /** Auth off, or no request: the local user, an admin, with no sign-in shown ({@code auth.Principal.local()}). */
    public static final PageViewer LOCAL_ADMIN = new PageViewer("local", "admin", false, true, true, true);

    /** Nobody known yet, with a login page: no name, no rights. */
    public static final PageViewer ANONYMOUS = new PageViewer(null, null, false, false, false, false);

    private static final ThreadLocal<PageViewer> CURRENT = new ThreadLocal<>();

    /** The current request's viewer ({@link #LOCAL_ADMIN} outside a request). */
    public static PageViewer current() {
        PageViewer v = CURRENT.get();
        return v == null ? LOCAL_ADMIN : v;
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
