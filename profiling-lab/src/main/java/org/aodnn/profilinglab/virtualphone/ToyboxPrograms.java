package org.aodnn.profilinglab.virtualphone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The general commands of Android's toybox and mksh builtins that device scripts use, with their output
 * formats, error texts and exit codes: echo, cat, grep, ls, head, tail, wc, date, sleep, id, sh, su, cd, pwd,
 * test, true, false, exit.
 */
final class ToyboxPrograms {

    private final VirtualFileSystem fs;
    private final SimShell shell;
    private final boolean suInstalled;

    private ToyboxPrograms(VirtualFileSystem fs, SimShell shell, boolean suInstalled) {
        this.fs = fs;
        this.shell = shell;
        this.suInstalled = suInstalled;
    }

    static void register(Map<String, ShellProgram> programs, VirtualFileSystem fs, SimShell shell, boolean suInstalled) {
        ToyboxPrograms t = new ToyboxPrograms(fs, shell, suInstalled);
        programs.put("echo", t::echo);
        programs.put("cat", t::cat);
        programs.put("grep", t::grep);
        programs.put("ls", t::ls);
        programs.put("head", t::head);
        programs.put("tail", t::tail);
        programs.put("wc", t::wc);
        programs.put("date", ToyboxPrograms::date);
        programs.put("sleep", ToyboxPrograms::sleep);
        programs.put("id", ToyboxPrograms::id);
        programs.put("sh", t::sh);
        if (suInstalled) {
            programs.put("su", t::su);
        }
        programs.put("cd", t::cd);
        programs.put("pwd", (a, in, out, err, ctx) -> {
            out.println(ctx.cwd);
            return 0;
        });
        programs.put("true", (a, in, out, err, ctx) -> 0);
        programs.put("false", (a, in, out, err, ctx) -> 1);
        programs.put("exit", (a, in, out, err, ctx) -> {
            throw new SimShell.ExitException(a.size() > 1 ? parseIntOr(a.get(1), 255) : ctx.lastStatus);
        });
        programs.put("export", (a, in, out, err, ctx) -> {
            for (String x : a.subList(1, a.size())) {
                if (x.contains("=")) {
                    ctx.vars.put(x.substring(0, x.indexOf('=')), x.substring(x.indexOf('=') + 1));
                }
            }
            return 0;
        });
        programs.put("test", t::test);
        programs.put("[", t::test);
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim()) & 0xff;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private int echo(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        List<String> words = new ArrayList<>(a.subList(1, a.size()));
        boolean newline = true;
        if (!words.isEmpty() && words.get(0).equals("-n")) {
            newline = false;
            words.remove(0);
        }
        out.print(String.join(" ", words) + (newline ? "\n" : ""));
        return 0;
    }

    private int cat(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        if (a.size() == 1) {
            out.write(in);
            return 0;
        }
        int status = 0;
        for (String f : a.subList(1, a.size())) {
            if (f.equals("-")) {
                out.write(in);
                continue;
            }
            try {
                out.write(fs.read(ctx.resolve(f), ctx.root));
            } catch (FsException e) {
                err.println("cat: " + f + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    private int grep(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        boolean extended = false;
        boolean fixed = false;
        boolean invert = false;
        boolean count = false;
        boolean quiet = false;
        boolean ignoreCase = false;
        Boolean names = null;
        List<String> patterns = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            String x = a.get(i);
            if (x.startsWith("-") && x.length() > 1 && files.isEmpty() && !(patterns.size() > 0 && !x.startsWith("-"))) {
                if (x.equals("-e") && i + 1 < a.size()) {
                    patterns.add(a.get(++i));
                    continue;
                }
                for (char o : x.substring(1).toCharArray()) {
                    switch (o) {
                        case 'E' -> extended = true;
                        case 'F' -> fixed = true;
                        case 'v' -> invert = true;
                        case 'c' -> count = true;
                        case 'q' -> quiet = true;
                        case 'i' -> ignoreCase = true;
                        case 'H' -> names = true;
                        case 'h' -> names = false;
                        case 's' -> { }
                        default -> {
                            err.println("grep: Unknown option '" + o + "'");
                            return 2;
                        }
                    }
                }
            } else if (patterns.isEmpty()) {
                patterns.add(x);
            } else {
                files.add(x);
            }
        }
        if (patterns.isEmpty()) {
            err.println("grep: Need 1 argument");
            return 2;
        }
        Pattern p;
        try {
            List<String> res = new ArrayList<>();
            for (String pat : patterns) {
                res.add(fixed ? Pattern.quote(pat) : extended ? pat : basicToJava(pat));
            }
            p = Pattern.compile(String.join("|", res), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            err.println("grep: bad regex '" + patterns.get(0) + "'");
            return 2;
        }
        boolean prefix = names != null ? names : files.size() > 1;
        boolean matched = false;
        boolean error = false;
        List<String[]> inputs = new ArrayList<>();
        if (files.isEmpty()) {
            inputs.add(new String[] {"(standard input)", SimShell.text(in)});
        } else {
            for (String f : files) {
                try {
                    inputs.add(new String[] {f, SimShell.text(fs.read(ctx.resolve(f), ctx.root))});
                } catch (FsException e) {
                    err.println("grep: " + f + ": " + e.getMessage());
                    error = true;
                }
            }
        }
        for (String[] input : inputs) {
            int n = 0;
            String text = input[1];
            if (text.isEmpty()) {
                continue;
            }
            for (String line : text.split("\n", -1)) {
                if (line.isEmpty() && text.endsWith("\n")) {
                    continue;
                }
                boolean hit = p.matcher(line).find() != invert;
                if (hit) {
                    matched = true;
                    n++;
                    if (!count && !quiet) {
                        out.println((prefix ? input[0] + ":" : "") + line);
                    }
                }
            }
            if (count && !quiet) {
                out.println((prefix ? input[0] + ":" : "") + n);
            }
        }
        return matched ? 0 : error ? 2 : 1;
    }

    /** POSIX basic regular expressions: {@code \| \( \) \{ \} \+ \?} are operators, the bare characters literals. */
    static String basicToJava(String bre) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length()) {
                char n = bre.charAt(++i);
                if ("|(){}+?".indexOf(n) >= 0) {
                    r.append(n);
                } else {
                    r.append('\\').append(n);
                }
            } else if ("|(){}+?".indexOf(c) >= 0) {
                r.append('\\').append(c);
            } else {
                r.append(c);
            }
        }
        return r.toString();
    }

    private int ls(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String x : a.subList(1, a.size())) {
            if (!x.startsWith("-")) {
                targets.add(x);
            }
        }
        if (targets.isEmpty()) {
            targets.add(".");
        }
        int status = 0;
        for (String t : targets) {
            String p = ctx.resolve(t);
            if (!fs.exists(p)) {
                err.println("ls: " + t + ": No such file or directory");
                status = 1;
            } else if (fs.isDirectory(p)) {
                for (String name : fs.list(p)) {
                    out.println(name);
                }
            } else {
                out.println(t);
            }
        }
        return status;
    }

    private int head(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException {
        return headTail(a, in, out, err, ctx, true);
    }

    private int tail(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException {
        return headTail(a, in, out, err, ctx, false);
    }

    private int headTail(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx, boolean head)
            throws IOException {
        int n = 10;
        String file = null;
        for (int i = 1; i < a.size(); i++) {
            String x = a.get(i);
            if (x.equals("-n") && i + 1 < a.size()) {
                n = parseIntOr(a.get(++i), 10);
            } else if (x.matches("-\\d+")) {
                n = Integer.parseInt(x.substring(1));
            } else {
                file = x;
            }
        }
        String text;
        try {
            text = file == null ? SimShell.text(in) : SimShell.text(fs.read(ctx.resolve(file), ctx.root));
        } catch (FsException e) {
            err.println((head ? "head: " : "tail: ") + file + ": " + e.getMessage());
            return 1;
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
        if (text.isEmpty()) {
            lines.clear();
        }
        List<String> pick = head ? lines.subList(0, Math.min(n, lines.size()))
                : lines.subList(Math.max(0, lines.size() - n), lines.size());
        for (String l : pick) {
            out.println(l);
        }
        return 0;
    }

    private int wc(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        String text = SimShell.text(in);
        long lines = text.chars().filter(c -> c == '\n').count();
        if (a.contains("-l")) {
            out.println(String.valueOf(lines));
        } else {
            long words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
            out.println(lines + " " + words + " " + text.getBytes(StandardCharsets.UTF_8).length);
        }
        return 0;
    }

    private static int date(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException {
        java.time.Instant now = java.time.Instant.now();
        if (a.size() > 1 && a.get(1).startsWith("+")) {
            out.println(format(a.get(1).substring(1), now));
        } else {
            out.println(DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.ROOT)
                    .format(ZonedDateTime.ofInstant(now, ZoneOffset.UTC)));
        }
        return 0;
    }

    /** strftime subset plus toybox's %N (nanoseconds). */
    static String format(String fmt, java.time.Instant now) {
        ZonedDateTime t = ZonedDateTime.ofInstant(now, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                b.append(c);
                continue;
            }
            char f = fmt.charAt(++i);
            switch (f) {
                case 's' -> b.append(now.getEpochSecond());
                case 'N' -> b.append(String.format(Locale.ROOT, "%09d", now.getNano()));
                case 'Y' -> b.append(t.getYear());
                case 'm' -> b.append(String.format(Locale.ROOT, "%02d", t.getMonthValue()));
                case 'd' -> b.append(String.format(Locale.ROOT, "%02d", t.getDayOfMonth()));
                case 'H' -> b.append(String.format(Locale.ROOT, "%02d", t.getHour()));
                case 'M' -> b.append(String.format(Locale.ROOT, "%02d", t.getMinute()));
                case 'S' -> b.append(String.format(Locale.ROOT, "%02d", t.getSecond()));
                case '%' -> b.append('%');
                default -> b.append('%').append(f);
            }
        }
        return b.toString();
    }

    private static int sleep(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException, InterruptedException {
        if (a.size() < 2) {
            err.println("sleep: Needs 1 argument");
            return 1;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(a.get(1));
        } catch (NumberFormatException e) {
            err.println("sleep: invalid number '" + a.get(1) + "'");
            return 1;
        }
        Thread.sleep((long) (seconds * 1000));
        return 0;
    }

    private static int id(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException {
        if (a.contains("-u")) {
            out.println(ctx.root ? "0" : "2000");
        } else if (ctx.root) {
            out.println("uid=0(root) gid=0(root) groups=0(root) context=u:r:su:s0");
        } else {
            out.println("uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input),1007(log),1011(adb),"
                    + "1015(sdcard_rw),1028(sdcard_r),3001(net_bt_admin),3002(net_bt),3003(inet),3006(net_bw_stats) "
                    + "context=u:r:shell:s0");
        }
        return 0;
    }

    private int sh(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException, InterruptedException {
        if (a.size() >= 3 && a.get(1).equals("-c")) {
            return shell.run(a.get(2), in, out, err, ctx.child(ctx.root));
        }
        if (a.size() >= 2 && !a.get(1).startsWith("-")) {
            try {
                String script = SimShell.text(fs.read(ctx.resolve(a.get(1)), ctx.root));
                return shell.run(script, in, out, err, ctx.child(ctx.root));
            } catch (FsException e) {
                err.println(SimShell.SH + ": " + a.get(1) + ": " + e.getMessage());
                return 127;
            }
        }
        return shell.run(SimShell.text(in), new byte[0], out, err, ctx.child(ctx.root));
    }

    /**
     * {@code su [0|root] [COMMAND...]} (AOSP userdebug: runs COMMAND directly) and {@code su -c 'SCRIPT'}
     * (Magisk/SuperSU: runs it with sh -c).
     */
    private int su(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException, InterruptedException {
        List<String> rest = new ArrayList<>(a.subList(1, a.size()));
        if (!rest.isEmpty() && rest.get(0).equals("-")) {
            rest.remove(0);
        }
        if (!rest.isEmpty() && (rest.get(0).equals("0") || rest.get(0).equals("root"))) {
            rest.remove(0);
        } else if (!rest.isEmpty() && rest.get(0).matches("\\d+|shell")) {
            err.println("su: only root is supported by this simulated su");
            return 1;
        }
        ShellContext rootCtx = ctx.child(true);
        if (!rest.isEmpty() && rest.get(0).equals("-c")) {
            if (rest.size() < 2) {
                err.println("su: -c needs a command");
                return 1;
            }
            return shell.run(String.join(" ", rest.subList(1, rest.size())), in, out, err, rootCtx);
        }
        if (rest.isEmpty()) {
            return shell.run(SimShell.text(in), new byte[0], out, err, rootCtx);
        }
        return shell.runProgram(rest, in, out, err, rootCtx);
    }

    private int cd(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        String target = a.size() > 1 ? a.get(1) : "/";
        String p = ctx.resolve(target);
        if (!fs.isDirectory(p)) {
            err.println(SimShell.SH + ": cd: " + target + ": No such file or directory");
            return 2;
        }
        ctx.cwd = p;
        return 0;
    }

    private int test(List<String> a, byte[] in, ShellOutput out, ShellOutput err, ShellContext ctx) throws IOException {
        List<String> x = new ArrayList<>(a.subList(1, a.size()));
        if (a.get(0).equals("[")) {
            if (x.isEmpty() || !x.get(x.size() - 1).equals("]")) {
                err.println("[: missing ]");
                return 2;
            }
            x.remove(x.size() - 1);
        }
        boolean negate = !x.isEmpty() && x.get(0).equals("!");
        if (negate) {
            x.remove(0);
        }
        boolean result;
        if (x.size() == 2) {
            String p = ctx.resolve(x.get(1));
            result = switch (x.get(0)) {
                case "-e" -> fs.exists(p);
                case "-f", "-r" -> fs.exists(p) && !fs.isDirectory(p);
                case "-d" -> fs.isDirectory(p);
                case "-w" -> fs.exists(p) && ctx.root;
                case "-n" -> !x.get(1).isEmpty();
                case "-z" -> x.get(1).isEmpty();
                default -> false;
            };
        } else if (x.size() == 3) {
            Matcher num = Pattern.compile("-?\\d+").matcher("");
            result = switch (x.get(1)) {
                case "=", "==" -> x.get(0).equals(x.get(2));
                case "!=" -> !x.get(0).equals(x.get(2));
                case "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> {
                    if (!num.reset(x.get(0)).matches() || !num.reset(x.get(2)).matches()) {
                        err.println("test: integer expected");
                        yield false;
                    }
                    long l = Long.parseLong(x.get(0));
                    long r = Long.parseLong(x.get(2));
                    yield switch (x.get(1)) {
                        case "-eq" -> l == r;
                        case "-ne" -> l != r;
                        case "-lt" -> l < r;
                        case "-le" -> l <= r;
                        case "-gt" -> l > r;
                        default -> l >= r;
                    };
                }
                default -> false;
            };
        } else {
            result = x.size() == 1 && !x.get(0).isEmpty();
        }
        return result != negate ? 0 : 1;
    }
}
