package org.aibase.isolation.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPU quotas of isolated plugins' JVMs, by the kernel's CFS bandwidth control: each JVM, once it serves,
 * is moved into a control group of its own under the runtime's, whose quota is {@code limits.cpu} cores
 * per 100 ms period; past it, the kernel holds its threads until the next period. Its start (Felix and
 * Jersey starting, bounded by the 30 s start limit) is not held. cgroup v1's {@code cpu} controller
 * ({@code cpu.cfs_quota_us}) or cgroup v2's ({@code cpu.max}), whichever holds the runtime's process and
 * lets it make groups; where neither does, no quota applies and {@link #describe()} says why.
 */
final class CpuQuotas {

    private static final Logger LOG = LoggerFactory.getLogger(CpuQuotas.class);
    private static final long PERIOD_MICROS = 100_000;
    /** The smallest quota the kernel takes is 1 ms per period. */
    private static final long LEAST_QUOTA_MICROS = 1_000;
    private static final String PREFIX = "aibase-";

    private enum Version { V1, V2 }

    private final Optional<Version> version;
    /** The runtime's own group of JVM groups, {@code aibase-<runtime pid>} under the runtime's cgroup. */
    private final Optional<Path> base;
    private final String description;

    private CpuQuotas(Optional<Version> version, Optional<Path> base, String description) {
        this.version = version;
        this.base = base;
        this.description = description;
    }

    /** The quotas this machine allows the runtime's process, read from {@code /proc/self}. */
    static CpuQuotas detect() {
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo"));
            List<String> groups = Files.readAllLines(Path.of("/proc/self/cgroup"));
            Optional<Path> v1 = ownGroup(mounts, groups, false);
            if (v1.isPresent()) {
                return prepared(Version.V1, v1.get());
            }
            Optional<Path> v2 = ownGroup(mounts, groups, true);
            if (v2.isPresent() && Files.readString(v2.get().resolve("cgroup.controllers")).contains("cpu")) {
                try {
                    // a group's children get the cpu controller only when the group hands it down
                    Files.writeString(v2.get().resolve("cgroup.subtree_control"), "+cpu");
                } catch (IOException e) {
                    return none("cgroup v2's cpu controller cannot be handed down from " + v2.get() + " ("
                            + e.getMessage() + "): run the runtime in a cgroup of its own that it may write");
                }
                return prepared(Version.V2, v2.get());
            }
            return none("no cpu controller of cgroup v1 or v2 holds the runtime's process");
        } catch (IOException | RuntimeException e) {
            return none("the runtime's cgroups cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The cgroup of the runtime's process in the cpu hierarchy (v1) or the unified one (v2), as a folder. */
    private static Optional<Path> ownGroup(List<String> mounts, List<String> groups, boolean unified) {
        for (String mount : mounts) {
            // <id> <parent> <major:minor> <root> <mount point> <options> [optional fields] - <type> <source> <super options>
            String[] halves = mount.split(" - ", 2);
            String[] fields = halves[0].split(" ");
            String[] filesystem = halves.length < 2 ? new String[0] : halves[1].split(" ");
            if (fields.length < 5 || filesystem.length < 3) {
                continue;
            }
            boolean matches = unified ? filesystem[0].equals("cgroup2")
                    : filesystem[0].equals("cgroup") && List.of(filesystem[2].split(",")).contains("cpu");
            if (!matches) {
                continue;
            }
            String root = fields[3];
            for (String group : groups) {
                // <hierarchy>:<controllers>:<path>; v2 is 0::<path>
                String[] parts = group.split(":", 3);
                boolean ours = parts.length == 3 && (unified ? parts[0].equals("0") && parts[1].isEmpty()
                        : List.of(parts[1].split(",")).contains("cpu"));
                if (ours) {
                    String path = parts[2].startsWith(root) ? parts[2].substring(root.length()) : parts[2];
                    return Optional.of(Path.of(fields[4], path.replaceFirst("^/+", "")));
                }
            }
        }
        return Optional.empty();
    }

    private static CpuQuotas prepared(Version version, Path own) {
        removeStale(own);
        Path base = own.resolve(PREFIX + ProcessHandle.current().pid());
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            return none("no group can be made in " + own + " (" + e + ")");
        }
        if (version == Version.V2) {
            try {
                Files.writeString(base.resolve("cgroup.subtree_control"), "+cpu");
            } catch (IOException e) {
                remove(base);
                return none("cgroup v2's cpu controller cannot be handed down to " + base + " (" + e.getMessage() + ")");
            }
        }
        return new CpuQuotas(Optional.of(version), Optional.of(base),
                "applied from limits.cpu with cgroup " + (version == Version.V1 ? "v1" : "v2") + " in " + base);
    }

    private static CpuQuotas none(String why) {
        return new CpuQuotas(Optional.empty(), Optional.empty(), "not applied (" + why + ")");
    }

    /** What applies, for the runtime's start line. */
    String describe() {
        return description;
    }

    /**
     * Puts the JVM under a quota of {@code cores}; returns what undoes it once the JVM has ended (its
     * group removed). Without quotas, or when the group cannot be made, it does nothing (logged).
     */
    Runnable confine(String pluginId, long pid, double cores) {
        if (base.isEmpty()) {
            return () -> { };
        }
        Path group = base.get().resolve(pluginId + "-" + pid);
        long quota = Math.max(LEAST_QUOTA_MICROS, Math.round(cores * PERIOD_MICROS));
        try {
            Files.createDirectories(group);
            if (version.get() == Version.V1) {
                Files.writeString(group.resolve("cpu.cfs_period_us"), String.valueOf(PERIOD_MICROS));
                Files.writeString(group.resolve("cpu.cfs_quota_us"), String.valueOf(quota));
            } else {
                Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
            }
            Files.writeString(group.resolve("cgroup.procs"), String.valueOf(pid));
        } catch (IOException e) {
            LOG.warn("Plugin '{}': its JVM (pid {}) runs without its CPU quota of {} cores: {}", pluginId, pid, cores,
                    e.toString());
            remove(group);
            return () -> { };
        }
        LOG.debug("Plugin '{}': its JVM (pid {}) may use {} cores ({} of every {} us)", pluginId, pid, cores, quota,
                PERIOD_MICROS);
        return () -> remove(group);
    }

    /** Removes the runtime's groups (empty once their JVMs ended). */
    void close() {
        base.ifPresent(CpuQuotas::removeTree);
    }

    /** Groups left by runtimes that ended without removing theirs (killed): their processes are gone. */
    private static void removeStale(Path own) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(own, PREFIX + "*")) {
            for (Path folder : folders) {
                String pid = folder.getFileName().toString().substring(PREFIX.length());
                boolean alive = pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    removeTree(folder);
                }
            }
        } catch (IOException e) {
            LOG.debug("Stale CPU groups in {} cannot be listed: {}", own, e.toString());
        }
    }

    /** A group and the groups in it; a cgroup folder goes with rmdir, its files with it. */
    private static void removeTree(Path group) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(group, Files::isDirectory)) {
            for (Path child : children) {
                removeTree(child);
            }
        } catch (IOException e) {
            // gone already
        }
        remove(group);
    }

    private static void remove(Path group) {
        try {
            Files.deleteIfExists(group);
        } catch (IOException e) {
            LOG.debug("The CPU group {} stays: {}", group, e.toString());
        }
    }
}
