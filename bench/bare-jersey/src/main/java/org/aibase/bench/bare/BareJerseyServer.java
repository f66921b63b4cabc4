package org.aibase.bench.bare;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Jetty;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Serves {@code GET /api/v1/hello/greeting} with Jersey's servlet on Jetty's ee10 servlet context,
 * Jackson for JSON and a bearer-key filter: the least a server must do to answer like hello.
 *
 * <p>java -cp ... org.aibase.bench.bare.BareJerseyServer PORT KEY
 */
public final class BareJerseyServer {

    private BareJerseyServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BareJerseyServer PORT KEY");
            System.exit(2);
        }
        ResourceConfig application = new ResourceConfig(GreetingResource.class)
                .register(JacksonJsonProvider.class)
                .register(new BearerKeyFilter(args[1]));
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new ServletContainer(application)), "/api/v1/hello/*");
        server.setHandler(context);
        server.start();
        System.out.println("Bare Jersey ready at http://127.0.0.1:" + connector.getLocalPort() + " (Jetty " + Jetty.VERSION
                + ", Jersey " + org.glassfish.jersey.internal.Version.getVersion()
                + ", Jackson " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION + ")");
        server.join();
    }
}
