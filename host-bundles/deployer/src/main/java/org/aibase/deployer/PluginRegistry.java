package org.aibase.deployer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.validator.ValidationReport;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every plugin the platform knows of, with its state, and the operations on them. Implemented by
 * the deployer; every operation goes through the deploy folder or the framework exactly as a file
 * dropped by hand would, so both ways stay consistent.
 */
@ProviderType
public interface PluginRegistry {

    /** Every known plugin and refused file, ordered by id (files without a readable id last). */
    List<PluginRecord> plugins();

    /** The plugin with the given id. */
    Optional<PluginRecord> plugin(String id);

    /**
     * Starts a plugin (and forgets a {@code stopped} or {@code quarantined} mark, pinned or not).
     *
     * @throws RegistryException NOT_FOUND, or CONFLICT when it cannot start (e.g. rejected), naming why
     */
    PluginRecord start(String id);

    /**
     * Stops a plugin; {@code stopped} is remembered across restarts.
     *
     * @throws RegistryException NOT_FOUND
     */
    PluginRecord stop(String id);

    /**
     * Quarantines a plugin on an operator's word through the platform's quarantine policy
     * ({@link org.aibase.sandbox.Quarantines}), or pins or unpins its quarantine in force: it is
     * stopped and marked {@code quarantined}, remembered across restarts; pinned, until an operator
     * starts it; not pinned, until the policy lifts it ({@code quarantine.lift.after} from now).
     *
     * @param reason what the operator says; empty keeps the reason of a quarantine in force
     * @throws RegistryException NOT_FOUND; CONFLICT when it is not installed (e.g. rejected)
     */
    PluginRecord quarantine(String id, Optional<String> reason, boolean pinned);

    /**
     * Uninstalls a plugin by removing its file from the deploy folder; returns once it is gone.
     *
     * @throws RegistryException NOT_FOUND
     */
    void uninstall(String id);

    /**
     * Validates a JAR staged by the caller and, when valid, moves it atomically into the deploy
     * folder as {@code fileName} and waits until the deployer has installed it.
     *
     * @param fileName the name in the deploy folder, e.g. {@code hello.jar} (a plain name ending in .jar)
     * @param stagedJar the uploaded JAR; moved (not copied) on success, left alone otherwise
     * @return the record of the installed plugin (state {@code active}, or {@code failed} with OSGi's reason)
     * @throws RegistryException INVALID with the report when the JAR is refused; CONFLICT when the
     *         id is installed from another file; UNAVAILABLE when installing takes too long
     */
    PluginRecord install(String fileName, Path stagedJar);

    /** Validates a JAR against this runtime (installed ids, grants, maxima) without installing it. */
    ValidationReport validate(Path jar);

    /** The deployment log, newest first. */
    DeploymentPage deployments(int offset, int limit);

    /** How many deployment events of each type were logged since the runtime started (types without any left out). */
    Map<DeploymentEvent.Type, Long> deploymentCounts();
}
