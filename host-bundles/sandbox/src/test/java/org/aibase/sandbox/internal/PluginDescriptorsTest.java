package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.sandbox.PluginDescriptors;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The one descriptor source, read while Felix refreshes a bundle: the refresh closes the current
 * revision's content for a moment without changing the bundle's last-modified time, and a read in
 * that window meets a closed stream or no content at all (measured with a reader thread against
 * 150 update-and-refresh cycles: 23 "Stream closed", 1,700 NullPointerExceptions from
 * {@code getEntry}). Such a read once left a plugin without a descriptor until its next update:
 * no route, and "No plugin 'hello' is installed" while it ran.
 */
class PluginDescriptorsTest {

    private static final String YAML = "id: steady\nversion: 1.0.0\nname: Steady\n";

    @Test
    void aClosedStreamDuringARefreshIsNotRemembered() {
        Bundle bundle = plugin(List.of(() -> entry(() -> {
            throw new IOException("Stream closed");
        }), () -> entry(() -> new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)))));

        assertEquals(Optional.empty(), PluginDescriptors.of(bundle), "read while the content was closed");
        assertEquals(Optional.of("Steady"), PluginDescriptors.of(bundle).map(PluginDescriptor::name), "read again");
    }

    @Test
    void aRevisionWithoutContentDuringARefreshIsNotRemembered() {
        Bundle bundle = plugin(List.of(() -> {
            throw new NullPointerException("the return value of BundleRevisionImpl.getContent() is null");
        }, () -> null, () -> entry(() -> new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)))));

        assertEquals(Optional.empty(), PluginDescriptors.of(bundle), "no current revision");
        assertEquals(Optional.empty(), PluginDescriptors.of(bundle), "no content yet");
        assertEquals(Optional.of("Steady"), PluginDescriptors.of(bundle).map(PluginDescriptor::name), "read again");
    }

    @Test
    void aDescriptorWithErrorsIsReadOnce() {
        int[] reads = {0};
        Bundle bundle = plugin(List.of(() -> {
            reads[0]++;
            return entry(() -> new ByteArrayInputStream("id: Not An Id\n".getBytes(StandardCharsets.UTF_8)));
        }));

        assertEquals(Optional.empty(), PluginDescriptors.of(bundle));
        assertEquals(Optional.empty(), PluginDescriptors.of(bundle));
        assertEquals(1, reads[0], "a lasting answer is remembered for the revision");
    }

    private interface Content {
        InputStream open() throws IOException;
    }

    /** A plugin bundle whose successive {@code getEntry} calls answer as given; the last answer repeats. */
    private static Bundle plugin(List<Supplier<URL>> entries) {
        Deque<Supplier<URL>> next = new ArrayDeque<>(entries);
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put(PluginDescriptor.MANIFEST_HEADER, PluginDescriptor.DESCRIPTOR_FILE);
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> Bundle.RESOLVED;
                    case "getLastModified" -> 42L;
                    case "getHeaders" -> headers;
                    case "getEntry" -> (next.size() > 1 ? next.poll() : next.peek()).get();
                    case "getSymbolicName" -> "org.example.steady";
                    case "getBundleId" -> 7L;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "steady";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static URL entry(Content content) {
        try {
            return new URL(null, "bundle://7.0:1/plugin.yaml", new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL url) {
                    return new URLConnection(url) {
                        @Override
                        public void connect() {
                        }

                        @Override
                        public InputStream getInputStream() throws IOException {
                            return content.open();
                        }
                    };
                }
            });
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
