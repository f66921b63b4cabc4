package org.aibase.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.aibase.validator.SecurityReport;
import org.aibase.validator.SecurityScanner;

/**
 * {@code scan JAR [--json]}: the security report of a plugin JAR ({@link SecurityScanner}) as tables,
 * then the validator's verdict. Exit status 0 when the validator accepts the JAR, 1 when it would be
 * refused, whatever the tables list.
 */
final class ScanCommand {

    private final PrintStream out;

    ScanCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args, Path workingDirectory) {
        CommandLine line = CommandLine.parse(args, Set.of("--json"), Set.of());
        Path jar = PluginProjectJar.resolve(workingDirectory.resolve(line.single("scan", "JAR file")));
        SecurityReport report = new SecurityScanner().scan(jar);
        if (line.flag("--json")) {
            JsonNode json = RuntimeClient.JSON.valueToTree(report.toMap());
            out.println(TextTable.json(json));
        } else {
            print(report);
        }
        return report.accepted() ? ExitStatus.OK : ExitStatus.FAILED;
    }

    private void print(SecurityReport report) {
        out.println(report.file() + report.descriptor().map(d -> ": " + d.id() + " " + d.version() + ", security "
                + d.security().id()).orElse(": no readable plugin descriptor") + ", checked as " + report.confinedAt().id());

        section("Permissions", report.permissions().isEmpty());
        TextTable permissions = new TextTable("PERMISSION", "GRANTS");
        report.permissions().forEach(p -> permissions.row(p.permission(), p.grants()));
        print(permissions);

        section("Imported packages (Import-Package)", report.imports().isEmpty());
        TextTable imports = new TextTable("PACKAGE", "RESOLUTION", "ALLOWED");
        report.imports().forEach(i -> imports.row(i.packageName(), i.optional() ? "optional" : "mandatory", yesNo(i.allowed())));
        print(imports);

        section("Services (OSGI-INF component descriptions)", report.services().isEmpty());
        TextTable services = new TextTable("COMPONENT", "DIRECTION", "SERVICE", "REFERENCE", "ALLOWED", "WHY NOT");
        report.services().forEach(s -> services.row(s.component(), s.provided() ? "provides" : "references", s.service(),
                s.reference(), yesNo(s.allowed()), s.note()));
        print(services);

        section("Sensitive API uses (refused at " + report.confinedAt().id() + ")", report.sensitiveUses().isEmpty());
        TextTable uses = new TextTable("CLASS", "METHOD", "USE", "FAMILY", "INSTEAD");
        report.sensitiveUses().forEach(u -> uses.row(u.className(), u.method(), u.use(), u.family(), u.instead()));
        print(uses);

        out.println();
        out.println("Verdict: " + (report.accepted() ? "accepted" : "refused") + " — " + report.validation().verdict());
    }

    private void section(String title, boolean empty) {
        out.println();
        out.println(title + (empty ? ": none" : ""));
    }

    private void print(TextTable table) {
        if (!table.isEmpty()) {
            table.print(out);
        }
    }

    private static String yesNo(boolean allowed) {
        return allowed ? "yes" : "no";
    }
}
