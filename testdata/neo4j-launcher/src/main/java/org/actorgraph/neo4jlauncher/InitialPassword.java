package org.actorgraph.neo4jlauncher;

import org.neo4j.cli.AdminTool;

/**
 * InitialPassword sets the initial password of user {@code neo4j} with Neo4j's own
 * {@code neo4j-admin dbms set-initial-password}, taking the password from
 * {@code NEO4J_PASSWORD} so that it never appears on a command line. The Neo4j home and
 * configuration folders come from {@code NEO4J_HOME} and {@code NEO4J_CONF}, as for
 * neo4j-admin. It only has an effect before the DBMS is started for the first time.
 */
public final class InitialPassword {
  private InitialPassword() {}

  public static void main(String[] args) {
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.isEmpty()) {
      System.err.println("neo4j-launcher: NEO4J_PASSWORD is not set");
      System.exit(2);
    }
    AdminTool.main(new String[] {"dbms", "set-initial-password", password});
  }
}
