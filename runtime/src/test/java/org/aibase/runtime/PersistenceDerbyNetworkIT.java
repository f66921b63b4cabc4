package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.derby.drda.NetworkServerControl;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link PersistenceScenarios} on a real Derby network server started here, reached by the launched
 * runtime through Derby's client: the same bundle, switched by {@code config/} alone.
 */
class PersistenceDerbyNetworkIT extends PersistenceScenarios {

    private static NetworkServerControl server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        System.setProperty("derby.system.home", TestFolders.create("aibase-derby-server").toString());
        port = RunningLauncher.freePort();
        server = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
        server.start(null);
        for (int i = 0; ; i++) {
            try {
                server.ping();
                break;
            } catch (Exception notYet) {
                if (i == 100) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.shutdown();
        }
    }

    @Override
    String databaseConfiguration() {
        return "type=derby-network\nurl=jdbc:derby://127.0.0.1:" + port + "/aibase;create=true\npool.size=4";
    }

    @Override
    String maxTableName() {
        return "Derby accepts at most 128";
    }

    /** The server's database holds each plugin's tables under its prefix (read in-process, the server's own engine). */
    @Override
    void checkTables() throws SQLException {
        EmbeddedDataSource database = new EmbeddedDataSource();
        database.setDatabaseName("aibase");
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT TABLENAME FROM SYS.SYSTABLES WHERE TABLETYPE = 'T' "
                        + "AND TABLENAME NOT LIKE 'AIBASE%' ORDER BY TABLENAME")) { // the platform's own tables aside
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertEquals(List.of("ALPHA_NOTE", "ALPHA_NOTE_TAGS", "ALPHA_SEQUENCE", "BETA_NOTE", "BETA_NOTE_TAGS",
                "BETA_SEQUENCE", "TINY_NOTE", "TINY_NOTE_TAGS", "TINY_SEQUENCE"), tables);
    }
}
