package org.aibase.validator.internal;

import java.util.regex.Pattern;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;

/**
 * {@code network_hosts} is present, non-empty and made of host names exactly when {@code network}
 * is granted: outbound calls go only to declared hosts, and hosts without the permission would be a
 * promise the platform does not keep.
 */
public final class NetworkHostsCheck extends DescriptorRule {

    // RFC 1123 labels of at most 63 characters, at most 253 in all; an IPv4 address matches too
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final String HOSTS = "host names such as api.example.org (no scheme, port, path or wildcard)";

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        String location = Locations.field("network_hosts");
        if (inspection.reported(location)) {
            return;
        }
        boolean network = descriptor.hasPermission(Permission.NETWORK);
        if (network && descriptor.networkHosts().isEmpty()) {
            inspection.add(Finding.error(location, "is missing or empty, but the 'network' permission is asked for",
                    "the " + HOSTS + " the plugin calls"));
        } else if (!network && !descriptor.networkHosts().isEmpty()) {
            inspection.add(Finding.error(location, "lists hosts, but the 'network' permission is not asked for",
                    "no hosts, or add 'network' to permissions"));
        }
        for (String host : descriptor.networkHosts()) {
            if (!HOST.matcher(host).matches()) {
                inspection.add(Finding.error(location, "'" + host + "' is not a host name", HOSTS + ", in lower case"));
            }
        }
    }
}
