package org.aibase.runtime;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Plugins that keep notes with JPA, built the way bnd would build them: an entity named {@code Note}
 * (the same simple name in every plugin, with an element collection and a generated id, so entity,
 * collection and sequence tables are all involved) and a REST resource whose constructor takes the
 * {@code PersistenceService}.
 */
final class PersistenceTestPlugins {

    private static final String ENTITY = """
            package org.example.%1$s;

            import java.util.ArrayList;
            import java.util.List;

            import jakarta.persistence.ElementCollection;
            import jakarta.persistence.Entity;
            import jakarta.persistence.FetchType;
            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.Id;
            import jakarta.persistence.Table;

            @Entity
            %2$s
            public class Note {
                @Id
                @GeneratedValue
                public Long id;
                public String text;
                @ElementCollection(fetch = FetchType.EAGER)
                public List<String> tags = new ArrayList<>();
            }
            """;

    /** POST text to add a note (tags: the words of the text), GET to list them; errors as JSON. */
    private static final String RESOURCE = """
            package org.example.%1$s;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;

            import jakarta.persistence.EntityManager;
            import jakarta.ws.rs.Consumes;
            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.POST;
            import jakarta.ws.rs.Path;
            import jakarta.ws.rs.Produces;
            import jakarta.ws.rs.core.Response;

            import org.aibase.api.persistence.PersistenceService;
            import org.aibase.api.persistence.StorageException;

            @Path("notes")
            public final class NotesResource {

                private final PersistenceService persistence;

                public NotesResource(PersistenceService persistence) {
                    this.persistence = persistence;
                }

                @POST
                @Consumes("text/plain")
                @Produces("application/json")
                public Response add(String text) {
                    try {
                        EntityManager em = persistence.entityManagerFactory().createEntityManager();
                        try {
                            em.getTransaction().begin();
                            Note note = new Note();
                            note.text = text;
                            note.tags.addAll(List.of(text.split(" ")));
                            em.persist(note);
                            em.getTransaction().commit();
                            return Response.ok(Map.of("id", note.id)).build();
                        } finally {
                            if (em.getTransaction().isActive()) {
                                em.getTransaction().rollback();
                            }
                            em.close();
                        }
                    } catch (StorageException e) {
                        return error(e);
                    }
                }

                private static Response error(StorageException e) {
                    int status = e.code().equals(StorageException.QUOTA_EXCEEDED) ? 413 : 503;
                    return Response.status(status).type("application/json").entity(Map.of("error", Map.of(
                            "code", e.code(), "message", e.getMessage(), "used", e.usedBytes(),
                            "limit", e.quotaBytes()))).build();
                }

                @GET
                @Produces("application/json")
                public Response list() {
                    EntityManager em;
                    try {
                        em = persistence.entityManagerFactory().createEntityManager();
                    } catch (StorageException e) {
                        return error(e);
                    }
                    try {
                        List<Map<String, Object>> notes = new ArrayList<>();
                        for (Note note : em.createQuery("SELECT n FROM Note n ORDER BY n.id", Note.class).getResultList()) {
                            notes.add(Map.of("text", note.text, "tags", new ArrayList<>(note.tags)));
                        }
                        return Response.ok(Map.of("notes", notes, "managed", persistence.managedClassNames(),
                                "quota", persistence.quotaBytes())).build();
                    } finally {
                        em.close();
                    }
                }
            }
            """;

    private static final String COMPONENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="org.example.%1$s.NotesResource" init="1">
              <property name="aibase.plugin.endpoint" type="String" value="%1$s"/>
              <service scope="prototype">
                <provide interface="org.example.%1$s.NotesResource"/>
              </service>
              <reference name="persistence" interface="org.aibase.api.persistence.PersistenceService" parameter="0"/>
              <implementation class="org.example.%1$s.NotesResource"/>
            </scr:component>
            """;

    private static final String DESCRIPTOR = """
            id: %1$s
            name: Notes test plugin %1$s
            version: 1.0.0
            description: Keeps notes with JPA.
            author: AI Base tests
            category: utility
            requires: {platform: ">=1.0.0"}
            security: sandbox
            permissions: [%2$s]
            %3$s
            """;

    private PersistenceTestPlugins() {
    }

    /** Writes a plugin JAR with the given id, permissions (e.g. {@code http, storage}) and extra descriptor lines. */
    static Path build(Path work, String id, String permissions, String descriptorExtra) throws IOException {
        return build(work, id, permissions, descriptorExtra, "");
    }

    /** The same, with the entity's table named {@code table} ({@code @Table(name = ...)}) unless empty. */
    static Path build(Path work, String id, String permissions, String descriptorExtra, String table) throws IOException {
        Path sources = Files.createDirectories(work.resolve(id + "-src/org/example/" + id));
        Path classes = Files.createDirectories(work.resolve(id + "-classes"));
        String tableAnnotation = table.isEmpty() ? "" : "@Table(name = \"" + table + "\")";
        compile(classes, Files.writeString(sources.resolve("Note.java"), ENTITY.formatted(id, tableAnnotation)),
                Files.writeString(sources.resolve("NotesResource.java"), RESOURCE.formatted(id)));

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example." + id);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "jakarta.persistence;version=\"[3.1,4)\",jakarta.ws.rs;version=\"[3.1,4)\","
                + "jakarta.ws.rs.core;version=\"[3.1,4)\",org.aibase.api.persistence;version=\"[1.0,2)\"");
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)"
                + "(version>=1.5.0)(!(version>=2.0.0)))\"");
        main.putValue("Service-Component", "OSGI-INF/org.example." + id + ".NotesResource.xml");
        main.putValue("AIBase-Plugin", "plugin.yaml");

        Path jar = work.resolve(id + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            put(zip, "plugin.yaml", DESCRIPTOR.formatted(id, permissions, descriptorExtra).getBytes(StandardCharsets.UTF_8));
            put(zip, "OSGI-INF/org.example." + id + ".NotesResource.xml",
                    COMPONENT.formatted(id).getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    put(zip, classes.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file));
                }
            }
        }
        return jar;
    }

    private static void compile(Path classes, Path... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = String.join(File.pathSeparator, jarOf(org.aibase.api.persistence.PersistenceService.class),
                jarOf(jakarta.ws.rs.GET.class), jarOf(jakarta.persistence.Entity.class));
        String[] args = Stream.concat(Stream.of("--release", "17", "-proc:none", "-classpath", classpath,
                "-d", classes.toString()), Stream.of(sources).map(Path::toString)).toArray(String[]::new);
        if (javac.run(null, null, null, args) != 0) {
            throw new AssertionError("the test plugin does not compile: " + sources[0].getParent());
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(JarOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new JarEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
