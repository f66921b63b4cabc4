package org.aibase.console.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.deployer.PluginRegistry;
import org.aibase.sandbox.PluginConfigurations;
import org.aibase.deployer.RegistryException;
import org.aibase.jobs.JobStatistics;
import org.aibase.llm.LlmStatus;
import org.aibase.llm.LlmUsage;
import org.aibase.persistence.StorageUsage;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PluginLimits;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web Console page "AI Plugins" at {@code /system/console/aibase}: the console renders its frame
 * and authenticates every request; this servlet renders the content, the JSON and HTML fragments the
 * page's script refreshes, and answers the page's actions (POST, with the page's token).
 */
@Component(service = Servlet.class, configurationPid = AiPluginsPage.PID, property = {
        ServletConstants.PLUGIN_LABEL + "=" + AiPluginsPage.LABEL,
        ServletConstants.PLUGIN_TITLE + "=AI Plugins",
        ServletConstants.PLUGIN_CATEGORY + "=AI Base",
        ServletConstants.PLUGIN_CSS_REFERENCES + "=/" + AiPluginsPage.LABEL + "/res/aibase.css" })
@Designate(ocd = ConsoleSettings.class)
public final class AiPluginsPage extends AbstractServlet {

    static final String PID = "org.aibase.console";
    static final String LABEL = "aibase";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AiPluginsPage.class);
    private static final Pattern PLUGIN_ACTION = Pattern.compile("/plugins/([a-z][a-z0-9_]{0,59})/(start|stop|uninstall|config)");

    private final transient PluginRegistry registry;
    private final transient PluginConfigurations configurations;
    private final transient ObjectMapper json = new ObjectMapper();
    private final transient RequestForgeryGuard guard = new RequestForgeryGuard();
    private final transient PluginRows rows;
    private final transient ConsoleActions actions;
    private final transient ConfigForms configForms = new ConfigForms(json);
    private final int refreshSeconds;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StorageUsage storage;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LlmStatus llmStatus;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LlmUsage llmUsage;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobStatistics jobs;

    @Activate
    public AiPluginsPage(BundleContext context, ConsoleSettings settings, @Reference PluginRegistry registry,
            @Reference PluginConfigurations configurations, @Reference Governor governor, @Reference PluginLimits limits)
            throws IOException {
        if (settings.refresh_seconds() < 1) {
            throw new IllegalArgumentException("refresh.seconds of " + PID + " must be at least 1, not "
                    + settings.refresh_seconds());
        }
        this.registry = registry;
        this.configurations = configurations;
        this.rows = new PluginRows(governor, limits, System::nanoTime);
        this.refreshSeconds = settings.refresh_seconds();
        File data = context.getDataFile("uploads");
        Path staging = data != null ? data.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "aibase-console-uploads");
        this.actions = new ConsoleActions(registry, configurations, new JarStaging(staging, settings.max_upload_bytes()), json);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = subPath(request);
        switch (path) {
            case "/data.json" -> {
                JobStatistics jobStatistics = jobs;
                Map<String, Object> data = PageJson.of(snapshot(jobStatistics), registry.deployments(0, DeploymentLogTable.SHOWN),
                        llmStatus, jobStatistics);
                writeJson(response, 200, data);
            }
            case "/fragment/plugins" -> {
                StringBuilder html = new StringBuilder();
                PluginsTable.render(snapshot(jobs), html);
                setNoCache(response);
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(html.toString());
            }
            default -> super.doGet(request, response); // resources under /res/; otherwise the console renders the page
        }
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pluginRoot = String.valueOf(request.getAttribute(ServletConstants.ATTR_PLUGIN_ROOT));
        JobStatistics jobStatistics = jobs;
        List<PluginRow> plugins = snapshot(jobStatistics);
        StringBuilder html = new StringBuilder(16 * 1024);
        ConsolePageLayout.render(pluginRoot, guard.tokenFor(request), refreshSeconds, html, new ConsolePageLayout.Sections(
                out -> PluginsTable.render(plugins, out),
                out -> DeploymentLogTable.render(registry.deployments(0, DeploymentLogTable.SHOWN), plugins, out),
                out -> LlmPanel.render(llmStatus, llmUsage, out),
                out -> JobsPanel.render(jobStatistics, out),
                out -> configForms.render(plugins, configurations, out)));
        response.getWriter().write(html.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String refusal = guard.refusal(request);
        if (refusal != null) {
            writeJson(response, 403, new ActionException(403, "forbidden", "Refused: " + refusal, Map.of()).body());
            return;
        }
        String path = subPath(request);
        try {
            ConsoleActions.Answer answer;
            Matcher plugin = PLUGIN_ACTION.matcher(path);
            if (path.equals("/upload")) {
                answer = actions.upload(request.getParameter("file"), request.getContentType(), request.getContentLengthLong(), request.getInputStream());
            } else if (plugin.matches()) {
                String id = plugin.group(1);
                answer = switch (plugin.group(2)) {
                    case "start" -> actions.start(id);
                    case "stop" -> actions.stop(id);
                    case "uninstall" -> actions.uninstall(id);
                    default -> actions.configure(id, request.getInputStream());
                };
            } else {
                throw new ActionException(404, "not_found", "No action at " + path + " (actions: /upload, "
                        + "/plugins/{id}/start, /plugins/{id}/stop, /plugins/{id}/uninstall, /plugins/{id}/config)", Map.of());
            }
            LOG.info("Console action {} by {}: {}", path, request.getRemoteUser(), answer.status());
            writeJson(response, answer.status(), answer.body());
        } catch (ActionException e) {
            writeJson(response, e.status(), e.body());
        } catch (RegistryException e) {
            ConsoleActions.Answer answer = ConsoleActions.refused(e);
            writeJson(response, answer.status(), answer.body());
        }
    }

    /** @param jobStatistics the job service as this request read it, or null */
    private List<PluginRow> snapshot(JobStatistics jobStatistics) {
        return rows.read(registry.plugins(), storage,
                jobStatistics == null ? null : jobStatistics.countsByPlugin(), llmUsage);
    }

    /** The path below the page's label: {@code /system/console/aibase/data.json} gives {@code /data.json}. */
    private static String subPath(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String prefix = "/" + LABEL;
        return info.startsWith(prefix) ? info.substring(prefix.length()) : info;
    }

    private void writeJson(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        setNoCache(response);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
