package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aodnn.profilinglab.virtualphone.ShellSyntax.For;
import org.aodnn.profilinglab.virtualphone.ShellSyntax.If;
import org.aodnn.profilinglab.virtualphone.ShellSyntax.Node;
import org.aodnn.profilinglab.virtualphone.ShellSyntax.Pipeline;
import org.aodnn.profilinglab.virtualphone.ShellSyntax.Redirect;
import org.aodnn.profilinglab.virtualphone.ShellSyntax.Sequence;
import org.aodnn.profilinglab.virtualphone.ShellSyntax.Simple;
import org.aodnn.profilinglab.virtualphone.ShellSyntax.Subshell;
import org.aodnn.profilinglab.virtualphone.ShellSyntax.While;

/**
 * The simulated device's {@code /system/bin/sh}: parses a command line and runs it against the device's
 * programs and files, with the expansions scripts rely on (quotes, {@code $VAR}, {@code $?}, {@code $(...)},
 * globbing) and the error texts and exit codes of mksh (127 for an unknown command, 1 for a failed redirect).
 */
final class SimShell {

    static final String SH = "/system/bin/sh";

    /** {@code exit N}: unwinds to the top of the shell. */
    static final class ExitException extends RuntimeException {
        final int status;

        ExitException(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private final Map<String, ShellProgram> programs;
    private final VirtualFileSystem fs;

    SimShell(Map<String, ShellProgram> programs, VirtualFileSystem fs) {
        this.programs = programs;
        this.fs = fs;
    }

    /** Runs a whole script; returns its exit status. */
    int run(String script, byte[] stdin, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException, InterruptedException {
        Sequence program;
        try {
            program = ShellSyntax.parse(script);
        } catch (ShellSyntaxException e) {
            err.println(SH + ": syntax error: " + e.getMessage());
            return 1;
        }
        try {
            return exec(program, stdin, out, err, ctx);
        } catch (ExitException e) {
            ctx.exited = true;
            ctx.lastStatus = e.status;
            return e.status;
        }
    }

    private int exec(Node node, byte[] stdin, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int status;
        if (node instanceof Sequence s) {
            status = 0;
            for (int i = 0; i < s.items().size(); i++) {
                if (i > 0) {
                    String c = s.connectors().get(i - 1);
                    if ((c.equals("&&") && status != 0) || (c.equals("||") && status == 0)) {
                        continue;
                    }
                }
                status = exec(s.items().get(i), stdin, out, err, ctx);
            }
        } else if (node instanceof Pipeline p) {
            byte[] input = stdin;
            status = 0;
            for (int i = 0; i < p.commands().size(); i++) {
                boolean last = i == p.commands().size() - 1;
                ShellOutput.Buffer buffer = last ? null : new ShellOutput.Buffer();
                status = exec(p.commands().get(i), input, last ? out : buffer, err, ctx);
                if (!last) {
                    input = buffer.bytes();
                }
            }
            if (p.negated()) {
                status = status == 0 ? 1 : 0;
            }
        } else if (node instanceof Simple c) {
            status = simple(c, stdin, out, err, ctx);
        } else if (node instanceof While w) {
            status = 0;
            while (true) {
                int cond = exec(w.condition(), stdin, out, err, ctx);
                if ((cond == 0) == w.until()) {
                    break;
                }
                status = exec(w.body(), stdin, out, err, ctx);
            }
        } else if (node instanceof For f) {
            status = 0;
            List<String> values = new ArrayList<>();
            for (String w : f.words()) {
                values.addAll(expand(w, ctx));
            }
            for (String v : values) {
                ctx.vars.put(f.variable(), v);
                status = exec(f.body(), stdin, out, err, ctx);
            }
        } else if (node instanceof If i) {
            if (exec(i.condition(), stdin, out, err, ctx) == 0) {
                status = exec(i.then(), stdin, out, err, ctx);
            } else {
                status = i.otherwise() == null ? 0 : exec(i.otherwise(), stdin, out, err, ctx);
            }
        } else if (node instanceof Subshell s) {
            try {
                status = exec(s.body(), stdin, out, err, ctx.child(ctx.root));
            } catch (ExitException e) {
                status = e.status;
            }
        } else {
            throw new IllegalStateException("unknown node " + node);
        }
        ctx.lastStatus = status;
        return status;
    }

    private int simple(Simple c, byte[] stdin, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        for (String w : c.words()) {
            args.addAll(expand(w, ctx));
        }
        // NAME=value with no command sets a shell variable.
        while (!args.isEmpty() && args.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            String a = args.remove(0);
            ctx.vars.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        ShellOutput stdout = out;
        ShellOutput stderr = err;
        byte[] input = stdin;
        List<String[]> fileOutputs = new ArrayList<>();
        ShellOutput.Buffer outFile = null;
        ShellOutput.Buffer errFile = null;
        for (Redirect r : c.redirects()) {
            String op = r.op();
            if (op.endsWith(">&1")) {
                stderr = stdout;
                continue;
            }
            if (op.endsWith(">&2")) {
                stdout = stderr;
                continue;
            }
            List<String> targets = expand(r.target(), ctx);
            String target = targets.isEmpty() ? "" : targets.get(0);
            String path = ctx.resolve(target);
            if (op.equals("<")) {
                try {
                    input = fs.read(path, ctx.root);
                } catch (FsException e) {
                    err.println(SH + ": can't open " + target + ": " + e.getMessage());
                    return 1;
                }
                continue;
            }
            boolean isErr = op.startsWith("2");
            if (path.equals("/dev/null")) {
                if (isErr) {
                    stderr = ShellOutput.DISCARD;
                } else {
                    stdout = ShellOutput.DISCARD;
                }
                continue;
            }
            ShellOutput.Buffer b = new ShellOutput.Buffer();
            fileOutputs.add(new String[] {path, op.endsWith(">>") ? "append" : "truncate", isErr ? "2" : "1", target});
            if (isErr) {
                errFile = b;
                stderr = b;
            } else {
                outFile = b;
                stdout = b;
            }
        }
        int status = 0;
        if (!args.isEmpty()) {
            status = runProgram(args, input, stdout, stderr, ctx);
        }
        // The file is written when the command completes: a sysfs attribute sees one write() of the whole value.
        for (String[] f : fileOutputs) {
            ShellOutput.Buffer b = f[2].equals("2") ? errFile : outFile;
            try {
                fs.write(f[0], b.bytes(), f[1].equals("append"), ctx.root);
            } catch (FsException e) {
                if (e.getMessage().equals(FsException.EACCES) || e.getMessage().equals(FsException.EROFS)
                        || e.getMessage().equals(FsException.ENOENT) || e.getMessage().equals(FsException.EISDIR)) {
                    err.println(SH + ": can't create " + f[3] + ": " + e.getMessage());
                } else {
                    err.println(SH + ": write error: " + e.getMessage());
                }
                status = 1;
            }
        }
        return status;
    }

    int runProgram(List<String> args, byte[] stdin, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException, InterruptedException {
        String name = args.get(0);
        if (name.contains("/")) {
            name = name.substring(name.lastIndexOf('/') + 1);
        }
        ShellProgram p = programs.get(name);
        if (p == null) {
            err.println(SH + ": " + args.get(0) + ": inaccessible or not found");
            return 127;
        }
        return p.run(args, stdin, out, err, ctx);
    }

    // ---- word expansion ----

    List<String> expand(String raw, ShellContext ctx) throws IOException, InterruptedException {
        List<StringBuilder> fields = new ArrayList<>();
        List<StringBuilder> globMasks = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        StringBuilder mask = new StringBuilder();
        boolean hasContent = false;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\'') {
                int end = raw.indexOf('\'', i + 1);
                append(cur, mask, raw.substring(i + 1, end), false);
                hasContent = true;
                i = end + 1;
            } else if (c == '"') {
                int end;
                try {
                    end = ShellLexer.closingDoubleQuote(raw, i);
                } catch (ShellSyntaxException e) {
                    end = raw.length() - 1;
                }
                append(cur, mask, expandDoubleQuoted(raw.substring(i + 1, end), ctx), false);
                hasContent = true;
                i = end + 1;
            } else if (c == '\\' && i + 1 < raw.length()) {
                append(cur, mask, String.valueOf(raw.charAt(i + 1)), false);
                hasContent = true;
                i += 2;
            } else if (c == '$') {
                int[] end = new int[1];
                String value = dollar(raw, i, ctx, end);
                if (value == null) {
                    append(cur, mask, "$", false);
                    hasContent = true;
                    i++;
                    continue;
                }
                i = end[0];
                // Unquoted expansion results are split into fields on whitespace.
                String[] parts = value.split("[ \t\n]+", -1);
                for (int k = 0; k < parts.length; k++) {
                    if (k > 0 && (cur.length() > 0 || hasContent)) {
                        fields.add(cur);
                        globMasks.add(mask);
                        cur = new StringBuilder();
                        mask = new StringBuilder();
                        hasContent = false;
                    }
                    if (!parts[k].isEmpty()) {
                        append(cur, mask, parts[k], true);
                        hasContent = true;
                    }
                }
            } else {
                append(cur, mask, String.valueOf(c), true);
                hasContent = true;
                i++;
            }
        }
        if (cur.length() > 0 || hasContent) {
            fields.add(cur);
            globMasks.add(mask);
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < fields.size(); k++) {
            out.addAll(glob(fields.get(k).toString(), globMasks.get(k).toString(), ctx));
        }
        return out;
    }

    private static void append(StringBuilder cur, StringBuilder mask, String s, boolean globActive) {
        cur.append(s);
        mask.append(String.valueOf(globActive ? 'g' : 'q').repeat(s.length()));
    }

    private String expandDoubleQuoted(String s, ShellContext ctx) throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
                b.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                int[] end = new int[1];
                String v = dollar(s, i, ctx, end);
                if (v == null) {
                    b.append('$');
                    i++;
                } else {
                    b.append(v);
                    i = end[0];
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** Expands the {@code $...} at {@code i}; null when it is a literal dollar sign. */
    private String dollar(String s, int i, ShellContext ctx, int[] end) throws IOException, InterruptedException {
        if (i + 1 >= s.length()) {
            return null;
        }
        char n = s.charAt(i + 1);
        if (n == '(') {
            int close;
            try {
                close = ShellLexer.closingParen(s, i + 1);
            } catch (ShellSyntaxException e) {
                return null;
            }
            end[0] = close + 1;
            ShellOutput.Buffer b = new ShellOutput.Buffer();
            ShellContext sub = ctx.child(ctx.root);
            run(s.substring(i + 2, close), new byte[0], b, ShellOutput.DISCARD, sub);
            ctx.lastStatus = sub.lastStatus;
            return b.text().replaceAll("\n+$", "");
        }
        if (n == '?') {
            end[0] = i + 2;
            return String.valueOf(ctx.lastStatus);
        }
        if (n == '{') {
            int close = s.indexOf('}', i);
            if (close < 0) {
                return null;
            }
            end[0] = close + 1;
            return ctx.vars.getOrDefault(s.substring(i + 2, close), "");
        }
        if (Character.isLetter(n) || n == '_') {
            int j = i + 1;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
            end[0] = j;
            return ctx.vars.getOrDefault(s.substring(i + 1, j), "");
        }
        return null;
    }

    private List<String> glob(String word, String mask, ShellContext ctx) {
        boolean pattern = false;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            boolean bracket = c == '[' && word.indexOf(']', k + 1) > k + 1;
            if ((c == '*' || c == '?' || bracket) && mask.charAt(k) == 'g') {
                pattern = true;
                break;
            }
        }
        if (!pattern) {
            return List.of(word);
        }
        boolean absolute = word.startsWith("/");
        String base = absolute ? "/" : ctx.cwd;
        List<String> matches = new ArrayList<>();
        matches.add("");
        for (String part : word.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            List<String> next = new ArrayList<>();
            boolean wild = part.contains("*") || part.contains("?") || part.matches(".*\\[.+].*");
            Pattern re;
            try {
                re = wild ? Pattern.compile(globToRegex(part)) : null;
            } catch (java.util.regex.PatternSyntaxException e) {
                return List.of(word);
            }
            for (String m : matches) {
                String dir = VirtualFileSystem.normalize(base + "/" + m);
                if (wild) {
                    for (String name : fs.list(dir)) {
                        if (re.matcher(name).matches() && !(name.startsWith(".") && !part.startsWith("."))) {
                            next.add(m.isEmpty() ? name : m + "/" + name);
                        }
                    }
                } else {
                    String cand = m.isEmpty() ? part : m + "/" + part;
                    if (fs.exists(VirtualFileSystem.normalize(base + "/" + cand))) {
                        next.add(cand);
                    }
                }
            }
            matches = next;
        }
        if (matches.isEmpty()) {
            return List.of(word);
        }
        List<String> out = new ArrayList<>();
        for (String m : matches) {
            out.add(absolute ? "/" + m : m);
        }
        return out;
    }

    private static String globToRegex(String glob) {
        StringBuilder r = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> r.append(".*");
                case '?' -> r.append('.');
                case '[', ']' -> r.append(c);
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
