package dipnews.cluster;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts real OpenSearch nodes on 127.0.0.1 in one JVM, waits until the cluster is green, writes
 * the nodes' URLs to HOME/url, and answers a control port so that tests can stop and restart one
 * node (the failover test):
 *
 *   POST /nodes/N/stop, POST /nodes/N/start (N from 1), POST /shutdown
 *
 * Usage: Launcher HOME HTTP_PORT NODES CONTROL_PORT
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Launcher HOME HTTP_PORT NODES CONTROL_PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        int nodes = Integer.parseInt(args[2]);
        int controlPort = Integer.parseInt(args[3]);

        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            // Test machines can have little free disk; the watermarks would refuse to allocate shards.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.auto_create_index", false);
        }).build(newConfigs()
                .basePath(home.resolve("nodes").toString())
                .numOfNode(nodes)
                .baseHttpPort(httpPort - 1)
                .clusterName("dipnews-local")
                .disableESLogger());
        runner.ensureGreen();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(runner)));

        List<String> urls = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            urls.add("http://127.0.0.1:" + (httpPort + i));
        }
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 0);
        control.createContext("/", exchange -> answer(exchange, runner));
        control.start();
        Files.writeString(home.resolve("url.tmp"), String.join(",", urls) + "\n");
        Files.move(home.resolve("url.tmp"), home.resolve("url"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("cluster green: " + String.join(",", urls));
    }

    private static void answer(HttpExchange exchange, OpenSearchRunner runner) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        int status = 200;
        String body;
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                body = "POST only";
            } else if (parts.length == 2 && "shutdown".equals(parts[1])) {
                body = "stopping";
                new Thread(() -> System.exit(0)).start();
            } else if (parts.length == 4 && "nodes".equals(parts[1])) {
                int index = Integer.parseInt(parts[2]) - 1;
                if ("stop".equals(parts[3])) {
                    runner.getNode(index).close();
                    body = "stopped node " + parts[2];
                } else if ("start".equals(parts[3])) {
                    runner.startNode(index);
                    body = "started node " + parts[2];
                } else {
                    status = 404;
                    body = "unknown action";
                }
            } else {
                status = 404;
                body = "unknown path";
            }
        } catch (Exception e) {
            status = 500;
            body = e.toString();
        }
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void closeQuietly(OpenSearchRunner runner) {
        try {
            if (!runner.isClosed()) {
                runner.close();
            }
        } catch (IOException e) {
            System.err.println("closing the cluster: " + e);
        }
    }
}
