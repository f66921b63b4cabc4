package org.aibase.runtime;

/** What {@code aibase --help} prints: every command with its options and the exit statuses. */
final class Usage {

    static final String TEXT = """
            Usage: aibase [run] [--home DIR] [--port N] [--host ADDR]
                   aibase validate JAR... [--json]
                   aibase scan JAR [--json]
                   aibase new ID [--kind endpoint|llm|storage-jobs] [--dir DIR] [--group G] [--version V] [--offline]
                   aibase plugins | status ID | usage ID | install JAR | start ID | stop ID | uninstall ID   [--json]
                   aibase config ID [key=value...] [--json]
                   aibase logs [ID] [--since ISO|DURATION] [--limit N] [--follow] [--json]
              (aibase is runtime/target/aibase, or java -jar aibase-runtime.jar)

            Running AI Base:
              run          start AI Base (the default command)
              --home DIR   folder holding deploy/, config/ and data/ (default: the working directory)
              --port N     HTTP port, 1-65535 (default 8080)
              --host ADDR  address to listen on (default 127.0.0.1; 0.0.0.0 for all interfaces)

            Plugin JARs, without a runtime:
              validate     check plugin JARs; a JAR may also be a plugin project's folder (its built target/*.jar)
              scan         the security report of a JAR: permissions, imports, services, sensitive API uses, verdict
              new          a plugin project from the archetype org.aibase:aibase-plugin-archetype, in DIR/ID (Maven)
                --kind     endpoint (default), llm or storage-jobs
                --dir      the folder to create the project in (default: the working directory)
                --group    the project's groupId (default org.example); its package is GROUP.ID
                --version  the project's version, X.Y.Z (default 1.0.0)
                --offline  run Maven offline (-o)

            A running runtime (the HTTP API):
              plugins      every plugin with its state        status ID   one plugin in full
              install JAR  upload and start a plugin JAR      usage ID    its usage against its limits
              start ID, stop ID, uninstall ID
              config ID    its effective configuration; key=value... sets keys (typed like their current
                           values; key= restores the default)
              logs [ID]    the runtime's log lines (of one plugin); --since 2026-12-04T10:00:00Z or 10m, 2h, 1d;
                           --limit 1-5000 (default 200); --follow keeps printing new lines (JSON Lines with --json)
              --url URL    the runtime (default $AIBASE_URL, else http://127.0.0.1:8080)
              --key KEY    an API key (default $AIBASE_API_KEY); admin for all but plugins, status and usage

              --json       print one JSON document on standard output (the API's answer) instead of text

            Exit status: 0 done; 1 the operation failed or was refused (an invalid JAR, an unknown plugin);
            2 the command line is wrong; 3 the runtime cannot be reached; 4 the API key is missing, wrong or
            not allowed (401, 403).""";

    private Usage() {
    }
}
