package org.actorgraph.neo4jlauncher.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

/**
 * StaticFiles is an unmanaged extension of Neo4j's web server that serves the files of one
 * folder, named by the system property {@code actorgraph.browser.dir}: the Browser guide of
 * the saved queries and the graph style. Mounted with {@code
 * server.unmanaged_extension_classes=org.actorgraph.neo4jlauncher.browser=/actorgraph}, the
 * folder's {@code guide.html} is {@code /actorgraph/guide.html}. Only plain file names are
 * served (no sub-folders, no "..").
 */
@javax.ws.rs.Path("/")
public class StaticFiles {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "grass", "text/plain; charset=utf-8",
          "cypher", "text/plain; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "txt", "text/plain; charset=utf-8");

  @GET
  @javax.ws.rs.Path("{name}")
  public Response get(@PathParam("name") String name) throws IOException {
    String dir = System.getProperty("actorgraph.browser.dir");
    if (dir == null || !NAME.matcher(name).matches() || name.contains("..")) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    Path file = Path.of(dir).resolve(name);
    if (!Files.isRegularFile(file)) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    return Response.ok(Files.readAllBytes(file))
        .header("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"))
        .header("Cache-Control", "no-cache")
        .build();
  }
}
