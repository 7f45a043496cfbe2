package reformgraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community with its Bolt connector on 127.0.0.1 only and waits for SIGTERM/SIGINT.
 * The Node side (server/src/neo4j/embedded.ts) waits for the single readiness line on stdout.
 *
 * Environment: NEO4J_EMBEDDED_PORT (default 7687), NEO4J_EMBEDDED_DATA (default .data/neo4j),
 * NEO4J_EMBEDDED_PAGECACHE_MB (default 256), NEO4J_EMBEDDED_TX_MEMORY_MB (default 256: one transaction's memory,
 * db.memory.transaction.max) and NEO4J_EMBEDDED_TX_TOTAL_MEMORY_MB (default 512: all transactions together,
 * dbms.memory.transaction.total.max). For the bench's own throwaway instance only:
 * NEO4J_EMBEDDED_ALLOW_FILE_IMPORT=1 with NEO4J_EMBEDDED_IMPORT_DIR lets LOAD CSV read files from that one folder.
 */
public final class EmbeddedNeo4j {
    public static final String READY_PREFIX = "NEO4J_EMBEDDED_READY ";

    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        int port = intEnv("NEO4J_EMBEDDED_PORT", 7687);
        Path data = Path.of(envOr("NEO4J_EMBEDDED_DATA", ".data/neo4j")).toAbsolutePath();
        long pageCacheMb = intEnv("NEO4J_EMBEDDED_PAGECACHE_MB", 256);
        long txMemoryMb = intEnv("NEO4J_EMBEDDED_TX_MEMORY_MB", 256);
        long txTotalMemoryMb = intEnv("NEO4J_EMBEDDED_TX_TOTAL_MEMORY_MB", 512);
        Files.createDirectories(data);
        String importDir = envOr("NEO4J_EMBEDDED_IMPORT_DIR", "");
        boolean fileImport = "1".equals(System.getenv("NEO4J_EMBEDDED_ALLOW_FILE_IMPORT")) && !importDir.isEmpty();

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(data)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            // LOAD CSV must never read the machine's files through the read-only console; only the bench's
            // throwaway instance opens one folder, to compare the importer with LOAD CSV of the same rows.
            .setConfig(GraphDatabaseSettings.allow_file_urls, fileImport)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            .setConfig(GraphDatabaseSettings.transaction_timeout, java.time.Duration.ofMinutes(5))
            // A query that builds a huge value (a list, a string, a collect()) fails with a memory error instead
            // of filling the heap that every other request shares.
            .setConfig(GraphDatabaseSettings.memory_tracking, true)
            .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(txMemoryMb))
            .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txTotalMemoryMb));
        if (fileImport) {
            builder.setConfig(GraphDatabaseSettings.load_csv_file_url_root, Path.of(importDir).toAbsolutePath());
        }
        DatabaseManagementService dbms = builder.build();

        // Touch the default database so that "ready" means queries will succeed.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("NEO4J_EMBEDDED_STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));

        System.out.println(READY_PREFIX + "bolt://127.0.0.1:" + port + " data=" + data);
        System.out.flush();
        stopped.await();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            System.err.println("Config: " + name + " must be an integer, got '" + value + "'");
            System.exit(64);
            return fallback;
        }
    }
}
