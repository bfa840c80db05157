package org.aodnn.profilinglab.virtualphone;

import java.util.HashMap;
import java.util.Map;

/** The state of one simulated shell: working directory, variables, last status and whether it runs as root. */
final class ShellContext {

    final Map<String, String> vars;
    String cwd;
    boolean root;
    int lastStatus;
    /** Set when {@code exit} ran at the top level: an interactive shell ends then. */
    boolean exited;

    ShellContext(boolean root, String cwd, Map<String, String> vars) {
        this.root = root;
        this.cwd = cwd;
        this.vars = new HashMap<>(vars);
    }

    /** A child shell ({@code sh -c}, {@code su}, a subshell): same variables, its own copy. */
    ShellContext child(boolean asRoot) {
        ShellContext c = new ShellContext(asRoot, cwd, vars);
        c.lastStatus = lastStatus;
        return c;
    }

    String resolve(String path) {
        return VirtualFileSystem.normalize(path.startsWith("/") ? path : cwd + "/" + path);
    }
}
