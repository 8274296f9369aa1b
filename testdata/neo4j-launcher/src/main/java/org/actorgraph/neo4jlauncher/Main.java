package org.actorgraph.neo4jlauncher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Main starts an embedded Neo4j Community DBMS with authentication on and only the Bolt
 * connector enabled, on a loopback address, and keeps it running until the JVM is told to
 * stop (SIGTERM or SIGINT), when a shutdown hook stops the DBMS cleanly.
 *
 * <p>Usage: {@code Main [--address HOST] [--port N] [--home DIR] [--ready-file FILE]}.
 * Each option falls back to an environment variable ({@code NEO4J_LOCAL_ADDRESS},
 * {@code NEO4J_LOCAL_PORT}, {@code NEO4J_LOCAL_HOME}) and then to 127.0.0.1, 7687 and
 * {@code .neo4j-local/data}; port 0 picks a free port. The password of user {@code neo4j} comes from
 * {@code NEO4J_PASSWORD} (required, at least 8 characters) and is never printed. Once Bolt
 * accepts the password, the ready file (if given) is written with the Bolt address
 * ({@code bolt://127.0.0.1:7687}); it is removed at shutdown.
 */
public final class Main {
  private static final int MIN_PASSWORD_LENGTH = 8;
  /** How long a shutdown during startup waits for the DBMS to finish starting. */
  private static final long START_WAIT_SECONDS = 120;

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j-launcher: " + e.getMessage());
      System.exit(2);
      return;
    }

    // The hook is in place before the DBMS starts, so a SIGTERM during startup also ends in
    // a clean shutdown: the hook waits until start has returned or failed.
    AtomicReference<DatabaseManagementService> started = new AtomicReference<>();
    CountDownLatch startReturned = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("neo4j-launcher: stopping");
                  deleteQuietly(options.readyFile);
                  try {
                    startReturned.await(START_WAIT_SECONDS, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  DatabaseManagementService running = started.get();
                  if (running != null) {
                    running.shutdown();
                  }
                  deleteQuietly(options.readyFile); // main may have written it meanwhile
                  System.out.println("neo4j-launcher: stopped");
                },
                "neo4j-launcher-shutdown"));

    DatabaseManagementService dbms;
    try {
      dbms = start(options);
      started.set(dbms);
    } catch (RuntimeException | IOException e) {
      System.err.println("neo4j-launcher: start failed: " + describe(e));
      e.printStackTrace();
      startReturned.countDown();
      System.exit(1);
      return;
    }
    startReturned.countDown();

    String bolt = "bolt://" + boltAddress(dbms);
    try {
      if (options.readyFile != null) {
        writeAtomically(options.readyFile, bolt + "\n");
      }
    } catch (IOException e) {
      System.err.println("neo4j-launcher: write ready file: " + describe(e));
      System.exit(1);
      return;
    }
    System.out.printf(
        "neo4j-launcher: ready: Neo4j %s, %s, home %s%n", neo4jVersion(), bolt, options.home);
    System.out.flush();

    // The DBMS runs on its own threads; wait here until the shutdown hook ends the JVM.
    new CountDownLatch(1).await();
  }

  /** start builds the DBMS with the launcher's settings and sets the neo4j password. */
  private static DatabaseManagementService start(Options options) throws IOException {
    Files.createDirectories(options.home);
    if (options.readyFile != null) {
      deleteQuietly(options.readyFile);
    }
    SocketAddress bolt = new SocketAddress(options.address, options.port);
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(options.home)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, bolt)
            .setConfig(BoltConnector.advertised_address, bolt)
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            // Without these (internal) settings the Bolt server takes ~10 s to shut down,
            // waiting on idle connections and Netty's quiet period.
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time,
                Duration.ofSeconds(1))
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                Duration.ofSeconds(5))
            .build();
    try {
      setPassword(dbms, options.password);
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw e;
    }
    return dbms;
  }

  /**
   * setPassword makes password the password of user neo4j, with no change required. It runs
   * in the system database, where embedded transactions have full rights; setting the same
   * password again (a restart on the same data) is refused by Neo4j and is fine here.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
          Map.of("password", password));
    } catch (QueryExecutionException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.contains("Old password and new password cannot be the same")) {
        // The message names no password; Neo4j never echoes it.
        throw new IllegalStateException("set password of user neo4j: " + message, e);
      }
      // Same password as before: make sure no change is required.
      system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
    }
  }

  /** boltAddress returns host:port that Bolt listens on, the real port when 0 was asked. */
  private static String boltAddress(DatabaseManagementService dbms) {
    GraphDatabaseAPI system =
        (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    HostnamePort address =
        system
            .getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT);
    return address.getHost() + ":" + address.getPort();
  }

  private static String neo4jVersion() {
    String version = DatabaseManagementService.class.getPackage().getImplementationVersion();
    return version == null ? "5.x" : version;
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("neo4j-launcher: remove " + file + ": " + describe(e));
    }
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      sb.append(": ").append(cause.getMessage());
    }
    return sb.toString();
  }

  /** Options holds the launcher's settings from the command line and the environment. */
  static final class Options {
    String address;
    int port;
    Path home;
    Path readyFile;
    String password;

    static Options parse(String[] args, Map<String, String> env) {
      Options o = new Options();
      o.address = env.getOrDefault("NEO4J_LOCAL_ADDRESS", "127.0.0.1");
      String port = env.getOrDefault("NEO4J_LOCAL_PORT", "7687");
      String home = env.getOrDefault("NEO4J_LOCAL_HOME", ".neo4j-local/data");
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + arg);
        }
        String value = args[++i];
        switch (arg) {
          case "--address" -> o.address = value;
          case "--port" -> port = value;
          case "--home" -> home = value;
          case "--ready-file" -> o.readyFile = Path.of(value);
          default -> throw new IllegalArgumentException(
              "unknown option " + arg
                  + " (usage: [--address HOST] [--port N] [--home DIR] [--ready-file FILE])");
        }
      }
      try {
        o.port = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("port " + port + " is not a number");
      }
      if (o.port < 0 || o.port > 65535) {
        throw new IllegalArgumentException("port " + o.port + " is out of range");
      }
      try {
        if (!InetAddress.getByName(o.address).isLoopbackAddress()) {
          throw new IllegalArgumentException(
              "address " + o.address + " is not a loopback address");
        }
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("address " + o.address + " does not resolve");
      }
      o.home = Path.of(home).toAbsolutePath().normalize();
      o.password = env.get("NEO4J_PASSWORD");
      if (o.password == null || o.password.isEmpty()) {
        throw new IllegalArgumentException("NEO4J_PASSWORD is not set");
      }
      if (o.password.length() < MIN_PASSWORD_LENGTH) {
        throw new IllegalArgumentException(
            "NEO4J_PASSWORD is shorter than " + MIN_PASSWORD_LENGTH + " characters");
      }
      return o;
    }
  }
}
