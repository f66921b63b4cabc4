package org.aibase.runtime;

import java.util.HashMap;
import java.util.Map;

/** The framework properties of one start: where things live, the port, the console's credentials. */
final class FrameworkProperties {

    private FrameworkProperties() {
    }

    static Map<String, String> of(LaunchOptions options, RuntimeHome home, ConsoleCredentials console) {
        Map<String, String> p = new HashMap<>();
        p.put("org.osgi.framework.storage", home.frameworkCache().toString());
        p.put("org.osgi.framework.storage.clean", "none");
        p.put("org.osgi.framework.startlevel.beginning", String.valueOf(StartLevels.LIBRARIES));
        p.put("felix.startlevel.bundle", String.valueOf(StartLevels.PLUGINS));
        // through the resolver (and so through resolver hooks), not boot delegation
        // com.sun.net.httpserver: the endpoint isolated plugins' JVMs reach the platform's services at
        p.put("org.osgi.framework.system.packages.extra", "com.sun.management,com.sun.net.httpserver");
        p.put("felix.log.level", "1");

        p.put("aibase.home", home.root().toString());
        p.put("aibase.deploy.dir", home.deploy().toString());
        p.put("aibase.log.file", home.logs().resolve(RuntimeLogFile.NAME).toString());
        p.put("aibase.startlevel.plugins", String.valueOf(StartLevels.PLUGINS));

        // defaults for Felix HTTP; a configuration of PID org.apache.felix.http overrides them,
        // and a flag given on the command line overrides that (see aibase.flag.*)
        p.put("org.osgi.service.http.port", String.valueOf(options.effectivePort()));
        p.put("org.apache.felix.http.host", options.effectiveHost());
        options.port().ifPresent(port -> p.put("aibase.flag.port", String.valueOf(port)));
        options.host().ifPresent(host -> p.put("aibase.flag.host", host));

        p.put("felix.fileinstall.dir", home.config().toString());
        p.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        p.put("felix.fileinstall.poll", "50");
        p.put("felix.fileinstall.noInitialDelay", "true");
        // with write-back on, configuration files were found emptied after restarts
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.level", "2");
        // its working folder: by default a new one in the system's temporary folder at every start,
        // left there whenever the runtime does not end normally
        p.put("felix.fileinstall.tmpdir", home.data().resolve("fileinstall").toString());

        // framework properties are on show (the console's "Framework Properties" printer, any bundle's
        // getProperty): the console gets its password hashed, the API its generated key by file
        p.put("felix.webconsole.username", console.username());
        p.put("felix.webconsole.password", console.hashedPassword());
        p.put("aibase.credentials.file", home.credentials().toString());
        return p;
    }
}
