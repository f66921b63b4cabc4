package org.aibase.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class PlatformThreadsTest {

    /**
     * A pool of the platform starts a thread while a plugin's class is on the stack (the plugin called
     * a platform service). The thread lives on, idle in the pool; the plugin's class loader must not
     * stay reachable through it. (With a plain thread factory it does, on Java 17: the thread inherits
     * the protection domains of the stack it was started from.)
     */
    @Test
    void aThreadStartedUnderAPluginsCodeKeepsNothingOfThePlugin() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool(
                PlatformThreads.named("test-pool", getClass().getClassLoader()));
        try {
            WeakReference<ClassLoader> plugin = startAThreadFromPluginCode(pool);
            for (int i = 0; i < 100 && plugin.get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertNull(plugin.get(), "the plugin's class loader is reachable through the pool's idle thread");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threadsAreNamedDaemonsWithTheContextLoaderGiven() throws Exception {
        ClassLoader own = getClass().getClassLoader();
        Thread named = PlatformThreads.named("aibase-test", own).newThread(() -> { });
        Thread first = PlatformThreads.numbered("aibase-test-", null).newThread(() -> { });
        Thread second = PlatformThreads.numbered("aibase-test-", null).newThread(() -> { });
        assertEquals("aibase-test", named.getName());
        assertTrue(named.isDaemon());
        assertEquals(own, named.getContextClassLoader());
        assertEquals("aibase-test-1", first.getName());
        assertEquals("aibase-test-1", second.getName(), "each factory counts its own threads");
        assertNull(first.getContextClassLoader());
    }

    private static WeakReference<ClassLoader> startAThreadFromPluginCode(ExecutorService pool) throws Exception {
        PluginLoader loader = new PluginLoader();
        CountDownLatch ran = new CountDownLatch(1);
        Supplier<Object> callsThePlatform = () -> {
            pool.execute(ran::countDown); // the pool starts its thread here, under the plugin's frame
            return null;
        };
        Runnable plugin = (Runnable) loader.loadClass(PluginCode.class.getName()).getConstructor(Supplier.class)
                .newInstance(callsThePlatform);
        plugin.run();
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        return new WeakReference<>(loader);
    }

    /** Defines {@link PluginCode} itself, as a plugin bundle's loader defines its classes (in a domain of its own). */
    private static final class PluginLoader extends ClassLoader {

        PluginLoader() {
            super(PlatformThreadsTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(PluginCode.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    /** The plugin's code: it calls the platform. */
    public static final class PluginCode implements Runnable {

        private final Supplier<Object> platform;

        public PluginCode(Supplier<Object> platform) {
            this.platform = platform;
        }

        @Override
        public void run() {
            platform.get();
        }
    }
}
