package org.cstrat.server.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names and addresses of this machine, for a workbench that listens beyond loopback: the name it tells clients when
 * it listens on a wildcard address ({@code 0.0.0.0}, {@code ::}), the loopback address local tools connect through,
 * and the host names a browser may address it by (the DNS-rebinding check of the web app).
 */
public final class NetworkNames {

    private NetworkNames() {
    }

    /** Whether {@code host} is a wildcard ("any address") rather than one interface's address. */
    public static boolean isWildcard(String host) {
        String h = unbracket(host);
        return h.equals("0.0.0.0") || h.equals("::") || h.equals("0:0:0:0:0:0:0:0");
    }

    /** Whether {@code host} is an IPv6 address (literal, with or without brackets). */
    public static boolean isIpv6(String host) {
        return unbracket(host).contains(":");
    }

    /**
     * The address this machine's own tools connect through: loopback for a wildcard ({@code 127.0.0.1} for
     * {@code 0.0.0.0}, {@code ::1} for {@code ::}), else the listen address itself.
     */
    public static String localConnectHost(String listenHost) {
        if (!isWildcard(listenHost)) {
            return listenHost;
        }
        return isIpv6(listenHost) ? "::1" : "127.0.0.1";
    }

    /** A host as it goes into a URI: IPv6 literals in brackets. */
    public static String uriHost(String host) {
        return isIpv6(host) && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * This machine's name as the operating system reports it ({@link InetAddress#getLocalHost()}); when it cannot
     * be resolved, the first non-loopback address of an interface that is up, and {@code localhost} as a last resort.
     */
    public static String machineName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (UnknownHostException | SecurityException e) {
            // the name does not resolve (no entry in /etc/hosts or DNS): fall back to an address
        }
        return interfaceAddresses(false).stream().findFirst().orElse("localhost");
    }

    /**
     * Every name and address this machine may be reached by, lower-case, IPv6 in brackets: its name, its fully
     * qualified name, and the addresses of its interfaces that are up (loopback included).
     */
    public static Set<String> machineNamesAndAddresses() {
        Set<String> names = new LinkedHashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException | SecurityException e) {
            // only the interfaces' addresses then
        }
        names.addAll(interfaceAddresses(true));
        return Collections.unmodifiableSet(names);
    }

    private static Set<String> interfaceAddresses(boolean withLoopback) {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || (!withLoopback && nic.isLoopback())) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!withLoopback && (a.isLoopbackAddress() || a.isLinkLocalAddress())) {
                        continue;
                    }
                    String text = a.getHostAddress();
                    int scope = text.indexOf('%');
                    text = scope < 0 ? text : text.substring(0, scope);
                    out.add(a instanceof Inet6Address ? "[" + text.toLowerCase(Locale.ROOT) + "]" : text);
                }
            }
        } catch (SocketException e) {
            // no interfaces to list
        }
        return out;
    }

    private static String unbracket(String host) {
        String h = host.strip();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
