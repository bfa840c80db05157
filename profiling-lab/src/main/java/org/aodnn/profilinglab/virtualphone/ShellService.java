package org.aodnn.profilinglab.virtualphone;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code shell:} and {@code exec:} services. With shell protocol v2 ({@code shell,v2,raw:CMD}) every
 * chunk of output is a packet [id: 1 byte][length: 4 bytes LE][data] (1 = stdout, 2 = stderr) and the exit
 * status arrives last as packet 3 with one byte; the host sends stdin as packet 0 and closes it with 4.
 * Without v2 ({@code shell:CMD}, {@code exec:CMD}) the raw output is written and the stream closed.
 * An empty command is an interactive shell reading lines from stdin. When the host closes the stream the
 * running command is interrupted (a streaming loop ends).
 */
final class ShellService {

    static final int ID_STDIN = 0;
    static final int ID_STDOUT = 1;
    static final int ID_STDERR = 2;
    static final int ID_EXIT = 3;
    static final int ID_CLOSE_STDIN = 4;

    private final VirtualDevice device;
    private final AdbdStream stream;

    ShellService(VirtualDevice device, AdbdStream stream) {
        this.device = device;
        this.stream = stream;
    }

    void run(String destination) {
        int colon = destination.indexOf(':');
        String head = destination.substring(0, colon);
        String command = destination.substring(colon + 1);
        boolean v2 = false;
        boolean pty = false;
        for (String arg : head.split(",")) {
            if (arg.equals("v2")) {
                v2 = true;
            } else if (arg.equals("pty")) {
                pty = true;
            }
        }
        if (head.equals("shell") && command.isEmpty()) {
            pty = true; // legacy interactive shells run on a pty
        }
        boolean v2f = v2;
        boolean ptyf = pty;
        ShellOutput out = data -> send(v2f, ID_STDOUT, ptyf ? crlf(data) : data);
        ShellOutput err = ptyf ? out : data -> send(v2f, ID_STDERR, data);
        ShellContext ctx = new ShellContext(false, "/", device.environment());
        SimShell shell = device.shell();
        Thread worker = Thread.currentThread();
        StdinReader stdin = new StdinReader(stream.input(), v2, worker, this);
        Thread reader = new Thread(stdin, "vphone-shell-stdin");
        reader.setDaemon(true);
        reader.start();
        int status;
        try {
            if (command.isEmpty()) {
                status = interactive(shell, stdin, out, err, ctx);
            } else {
                status = shell.run(command, new byte[0], out, err, ctx);
            }
            if (v2) {
                send(true, ID_EXIT, new byte[] {(byte) status});
            }
        } catch (InterruptedException e) {
            // The host closed the stream: nothing left to tell it.
        } catch (IOException e) {
            // The host went away while output was being written.
        } finally {
            synchronized (this) {
                running = false;
            }
            Thread.interrupted();
            reader.interrupt();
        }
    }

    private boolean running = true;

    /** Interrupts the command only while it runs: the pooled thread may serve another stream afterwards. */
    private synchronized void interruptIfRunning(Thread worker) {
        if (running) {
            worker.interrupt();
        }
    }

    private int interactive(SimShell shell, StdinReader stdin, ShellOutput out, ShellOutput err, ShellContext ctx)
            throws IOException, InterruptedException {
        String prompt = "vphone:/ " + "$ ";
        out.print(prompt);
        String line;
        while ((line = stdin.readLine()) != null) {
            if (!line.isBlank()) {
                int status = shell.run(line, new byte[0], out, err, ctx);
                ctx.lastStatus = status;
                if (ctx.exited) {
                    return status;
                }
            }
            out.print(prompt);
        }
        return ctx.lastStatus;
    }

    private static byte[] crlf(byte[] data) {
        return new String(data, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void send(boolean v2, int id, byte[] data) throws IOException {
        if (data.length == 0 && id != ID_EXIT) {
            return;
        }
        if (!v2) {
            stream.write(data);
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(5 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) id).putInt(data.length).put(data);
        stream.write(b.array());
    }

    /** Reads what the host sends (v2 packets or raw bytes); interrupts the command when the stream closes. */
    private static final class StdinReader implements Runnable {
        private final InputStream in;
        private final boolean v2;
        private final Thread worker;
        private final ShellService owner;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean eof;

        StdinReader(InputStream in, boolean v2, Thread worker, ShellService owner) {
            this.in = in;
            this.v2 = v2;
            this.worker = worker;
            this.owner = owner;
        }

        @Override
        public void run() {
            DataInputStream d = new DataInputStream(in);
            try {
                while (true) {
                    if (v2) {
                        int id = d.readUnsignedByte();
                        byte[] len = new byte[4];
                        d.readFully(len);
                        int n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
                        byte[] data = new byte[n];
                        d.readFully(data);
                        if (id == ID_STDIN) {
                            append(data);
                        } else if (id == ID_CLOSE_STDIN) {
                            finish();
                        }
                    } else {
                        byte[] buf = new byte[4096];
                        int n = in.read(buf);
                        if (n < 0) {
                            break;
                        }
                        append(java.util.Arrays.copyOf(buf, n));
                    }
                }
            } catch (EOFException e) {
                // stream closed by the host
            } catch (IOException e) {
                // interrupted or closed
            }
            finish();
            owner.interruptIfRunning(worker);
        }

        private synchronized void append(byte[] data) {
            pending.writeBytes(data);
            notifyAll();
        }

        private synchronized void finish() {
            eof = true;
            notifyAll();
        }

        synchronized String readLine() throws InterruptedException {
            while (true) {
                String s = pending.toString(StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                if (nl < 0) {
                    nl = s.indexOf('\r');
                }
                if (nl >= 0) {
                    byte[] rest = s.substring(nl + 1).getBytes(StandardCharsets.UTF_8);
                    pending.reset();
                    pending.writeBytes(rest);
                    return s.substring(0, nl);
                }
                if (eof) {
                    return s.isEmpty() ? null : s;
                }
                wait();
            }
        }
    }
}
