package org.aodnn.profilinglab.virtualphone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aodnn.profilinglab.virtualphone.ShellLexer.Token;

/**
 * The command-line grammar of the simulated shell: lists ({@code ; && || &}, newlines), pipelines, simple
 * commands with redirections, subshells, and the compound commands scripts on phones use
 * ({@code while}, {@code for}, {@code if}).
 */
final class ShellSyntax {

    sealed interface Node permits Sequence, Pipeline, Simple, While, For, If, Subshell {
    }

    record Sequence(List<Node> items, List<String> connectors) implements Node {
    }

    record Pipeline(List<Node> commands, boolean negated) implements Node {
    }

    record Redirect(String op, String target) {
    }

    record Simple(List<String> words, List<Redirect> redirects) implements Node {
    }

    record While(Sequence condition, Sequence body, boolean until) implements Node {
    }

    record For(String variable, List<String> words, Sequence body) implements Node {
    }

    record If(Sequence condition, Sequence then, Node otherwise) implements Node {
    }

    record Subshell(Sequence body) implements Node {
    }

    private static final Set<String> LIST_END = Set.of("do", "done", "then", "else", "elif", "fi");

    private final List<Token> tokens;
    private int pos;

    private ShellSyntax(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Sequence parse(String line) throws ShellSyntaxException {
        ShellSyntax p = new ShellSyntax(ShellLexer.lex(line));
        Sequence s = p.sequence();
        if (p.pos < p.tokens.size()) {
            throw new ShellSyntaxException("'" + p.tokens.get(p.pos).text() + "' unexpected");
        }
        return s;
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private void skipNewlines() {
        while (peek() != null && (peek().is("\n") || peek().is(";"))) {
            pos++;
        }
    }

    private Sequence sequence() throws ShellSyntaxException {
        List<Node> items = new ArrayList<>();
        List<String> connectors = new ArrayList<>();
        skipNewlines();
        while (peek() != null && !peek().is(")") && !(isWordAt() && LIST_END.contains(peek().text()))) {
            items.add(pipeline());
            Token t = peek();
            if (t == null || !t.op()) {
                connectors.add(";");
                continue;
            }
            if (t.is(";") || t.is("\n") || t.is("&")) {
                connectors.add(";");
                pos++;
                skipNewlines();
            } else if (t.is("&&") || t.is("||")) {
                connectors.add(t.text());
                pos++;
                skipNewlinesOnly();
                if (peek() == null) {
                    throw new ShellSyntaxException("'" + t.text() + "' at end of command");
                }
            } else {
                break;
            }
        }
        return new Sequence(items, connectors);
    }

    private void skipNewlinesOnly() {
        while (peek() != null && peek().is("\n")) {
            pos++;
        }
    }

    private boolean isWordAt() {
        return peek() != null && !peek().op();
    }

    private Node pipeline() throws ShellSyntaxException {
        boolean negated = false;
        if (peek() != null && peek().isWord("!")) {
            negated = true;
            pos++;
        }
        List<Node> commands = new ArrayList<>();
        commands.add(command());
        while (peek() != null && peek().is("|")) {
            pos++;
            skipNewlinesOnly();
            commands.add(command());
        }
        return new Pipeline(commands, negated);
    }

    private Node command() throws ShellSyntaxException {
        Token t = peek();
        if (t == null) {
            throw new ShellSyntaxException("command expected");
        }
        if (t.is("(")) {
            pos++;
            Sequence body = sequence();
            expectOp(")");
            return new Subshell(body);
        }
        if (!t.op()) {
            switch (t.text()) {
                case "while", "until" -> {
                    pos++;
                    Sequence cond = sequence();
                    expectWord("do");
                    Sequence body = sequence();
                    expectWord("done");
                    return new While(cond, body, t.text().equals("until"));
                }
                case "for" -> {
                    pos++;
                    Token var = next("a variable name after 'for'");
                    List<String> words = new ArrayList<>();
                    if (peek() != null && peek().isWord("in")) {
                        pos++;
                        while (peek() != null && !peek().op()) {
                            words.add(next("").text());
                        }
                    }
                    skipNewlines();
                    expectWord("do");
                    Sequence body = sequence();
                    expectWord("done");
                    return new For(var.text(), words, body);
                }
                case "if" -> {
                    pos++;
                    return ifRest();
                }
                default -> {
                }
            }
        }
        List<String> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (peek() != null) {
            Token w = peek();
            if (!w.op()) {
                words.add(w.text());
                pos++;
            } else if (w.text().matches("\\d?(>>?|<)") ) {
                pos++;
                Token target = next("a file name after '" + w.text() + "'");
                redirects.add(new Redirect(w.text(), target.text()));
            } else if (w.text().matches("\\d?>&\\d")) {
                pos++;
                redirects.add(new Redirect(w.text(), null));
            } else {
                break;
            }
        }
        if (words.isEmpty() && redirects.isEmpty()) {
            throw new ShellSyntaxException("'" + peek().text() + "' unexpected");
        }
        return new Simple(words, redirects);
    }

    private Node ifRest() throws ShellSyntaxException {
        Sequence cond = sequence();
        expectWord("then");
        Sequence then = sequence();
        Token t = next("'fi'");
        if (t.isWord("fi")) {
            return new If(cond, then, null);
        }
        if (t.isWord("else")) {
            Sequence otherwise = sequence();
            expectWord("fi");
            return new If(cond, then, otherwise);
        }
        if (t.isWord("elif")) {
            return new If(cond, then, ifRest());
        }
        throw new ShellSyntaxException("'" + t.text() + "' unexpected, expected 'fi'");
    }

    private Token next(String expected) throws ShellSyntaxException {
        Token t = peek();
        if (t == null) {
            throw new ShellSyntaxException("unexpected end of command, expected " + expected);
        }
        pos++;
        return t;
    }

    private void expectWord(String word) throws ShellSyntaxException {
        skipNewlines();
        Token t = next("'" + word + "'");
        if (!t.isWord(word)) {
            throw new ShellSyntaxException("'" + t.text() + "' unexpected, expected '" + word + "'");
        }
    }

    private void expectOp(String op) throws ShellSyntaxException {
        Token t = next("'" + op + "'");
        if (!t.is(op)) {
            throw new ShellSyntaxException("'" + t.text() + "' unexpected, expected '" + op + "'");
        }
    }
}
