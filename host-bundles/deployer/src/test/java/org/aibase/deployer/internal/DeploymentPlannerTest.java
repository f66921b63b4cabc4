package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.aibase.deployer.internal.DeploymentPlanner.IncompleteSighting;
import org.aibase.deployer.internal.DeploymentPlanner.KnownFile;
import org.aibase.deployer.internal.DeploymentPlanner.Plan;
import org.aibase.deployer.internal.DeploymentPlanner.Step;
import org.aibase.deployer.internal.FileObservation.Absent;
import org.aibase.deployer.internal.FileObservation.Complete;
import org.aibase.deployer.internal.FileObservation.Incomplete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentPlannerTest {

    private static final long GIVE_UP = 3000;

    @TempDir
    Path dir;

    private final DeploymentPlanner planner = new DeploymentPlanner(GIVE_UP);

    @Test
    void aNewCompleteJarIsInstalled() throws IOException {
        FileObservation observed = FileObservation.of(TestPlugins.write(dir.resolve("hello.jar"), "hello", "1.0.0"));

        assertEquals(Complete.class, observed.getClass());
        assertEquals(Step.INSTALL, planner.plan(observed, KnownFile.UNKNOWN, 0).step());
    }

    @Test
    void aChangedJarOfAnInstalledPluginIsUpdated() throws IOException {
        Path file = TestPlugins.write(dir.resolve("hello.jar"), "hello", "1.0.0");
        String installed = FileFingerprint.sha256(file);
        TestPlugins.write(file, "hello", "1.0.1");

        Plan plan = planner.plan(FileObservation.of(file), installed(installed), 0);

        assertEquals(Step.UPDATE, plan.step());
    }

    @Test
    void anUnchangedJarOfAnInstalledPluginIsLeftAlone() throws IOException {
        Path file = TestPlugins.write(dir.resolve("hello.jar"), "hello", "1.0.0");

        assertEquals(Step.SKIP, planner.plan(FileObservation.of(file), installed(FileFingerprint.sha256(file)), 0).step());
    }

    @Test
    void anInstalledBundleWithoutRecordedDigestIsUpdated() throws IOException {
        Path file = TestPlugins.write(dir.resolve("hello.jar"), "hello", "1.0.0");

        KnownFile known = new KnownFile(true, Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(Step.UPDATE, planner.plan(FileObservation.of(file), known, 0).step());
    }

    @Test
    void aRemovedJarOfAnInstalledPluginIsUninstalled() {
        FileObservation observed = FileObservation.of(dir.resolve("gone.jar"));

        assertEquals(Absent.class, observed.getClass());
        assertEquals(Step.UNINSTALL, planner.plan(observed, installed("abc"), 0).step());
        assertEquals(Step.FORGET, planner.plan(observed, KnownFile.UNKNOWN, 0).step());
    }

    @Test
    void aHalfWrittenJarIsWaitedForThenGivenUpWhenItStaysTheSame() throws IOException {
        Path half = halfWritten();
        FileObservation observed = FileObservation.of(half);
        assertEquals(Incomplete.class, observed.getClass());

        Plan first = planner.plan(observed, KnownFile.UNKNOWN, 1000);
        assertEquals(Step.WAIT, first.step());
        assertEquals(1000, first.sighting().orElseThrow().sinceMillis());

        KnownFile seen = new KnownFile(false, Optional.empty(), Optional.empty(), first.sighting());
        Plan later = planner.plan(observed, seen, 1000 + GIVE_UP - 1);
        assertEquals(Step.WAIT, later.step());
        assertEquals(1000, later.sighting().orElseThrow().sinceMillis(), "an unchanged file keeps its first sighting");

        assertEquals(Step.GIVE_UP, planner.plan(observed, seen, 1000 + GIVE_UP).step());
    }

    @Test
    void aHalfWrittenJarThatKeepsGrowingIsNeverGivenUp() throws IOException {
        Path half = halfWritten();
        IncompleteSighting earlier = new IncompleteSighting(new FileStamp(10, 1), 0);
        KnownFile seen = new KnownFile(false, Optional.empty(), Optional.empty(), Optional.of(earlier));

        Plan plan = planner.plan(FileObservation.of(half), seen, 10 * GIVE_UP);

        assertEquals(Step.WAIT, plan.step());
        assertEquals(10 * GIVE_UP, plan.sighting().orElseThrow().sinceMillis());
    }

    @Test
    void aRefusedJarIsNotRetriedUntilItChanges() throws IOException {
        Path file = TestPlugins.write(dir.resolve("bad.jar"), "bad", "1.0.0");
        FileFingerprint refusedAs = FileFingerprint.of(file);
        KnownFile refused = new KnownFile(false, Optional.empty(), Optional.of(refusedAs), Optional.empty());

        assertEquals(Step.SKIP, planner.plan(FileObservation.of(file), refused, 0).step());

        TestPlugins.write(file, "bad", "1.0.1");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(refusedAs.stamp().lastModifiedMillis() + 1000));
        assertEquals(Step.INSTALL, planner.plan(FileObservation.of(file), refused, 0).step());
    }

    @Test
    void aJarRefusedAsUnreadableIsNotRetriedWhileUnchanged() throws IOException {
        Path half = halfWritten();
        FileFingerprint refusedAs = new FileFingerprint(FileStamp.of(half), "");
        KnownFile refused = new KnownFile(false, Optional.empty(), Optional.of(refusedAs), Optional.empty());

        assertEquals(Step.SKIP, planner.plan(FileObservation.of(half), refused, 0).step());
    }

    private Path halfWritten() throws IOException {
        byte[] whole = Files.readAllBytes(TestPlugins.write(dir.resolve("whole.jar"), "hello", "1.0.0"));
        return Files.write(dir.resolve("half.jar"), Arrays.copyOf(whole, whole.length / 2));
    }

    private static KnownFile installed(String sha256) {
        return new KnownFile(true, Optional.of(sha256), Optional.empty(), Optional.empty());
    }
}
